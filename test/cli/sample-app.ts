// A small app for the CLI specs: one per-request provider (hoistable), one that needs a key,
// one that needs a human, a clean module, and files that must be skipped.
export const HANDLER = `import { S3Client } from '@aws-sdk/client-s3';
import { fromTemporaryCredentials } from '@aws-sdk/credential-providers';

export const handler = async (event: { key: string }) => {
  const s3 = new S3Client({
    region: 'eu-west-1',
    credentials: fromTemporaryCredentials({ params: { RoleArn: 'arn:aws:iam::111111111111:role/reports', RoleSessionName: 'reports' } }),
  });
  return s3.config.region();
};
`;

const MANUAL = `import { fromTemporaryCredentials } from '@aws-sdk/credential-providers';

export const handler = async (event: { roleArn: string }) => {
  const credentials = fromTemporaryCredentials({ params: { RoleArn: event.roleArn, RoleSessionName: \`run-\${Date.now()}\` } });
  return credentials();
};
`;

export const CLEAN = `import { S3Client } from '@aws-sdk/client-s3';

const s3 = new S3Client({ region: 'eu-west-1' });

export const handler = async () => s3.config.region();
`;

export const BROKEN = `import { fromIni } from '@aws-sdk/credential-providers';

export const handler = async () => {
  const credentials = fromIni({ profile: 'dev' };
  return credentials();
};
`;

const JSX_COMPONENT = `import { S3Client } from '@aws-sdk/client-s3';

export function Upload() {
  const s3 = new S3Client({ region: 'eu-west-1' });
  return <button onClick={() => s3.config.region()}>upload</button>;
}
`;

export function sampleApp(): Record<string, string> {
  return {
    'package.json': '{\n  "name": "sample-app",\n  "version": "1.0.0",\n  "type": "module",\n  "dependencies": {\n    "@aws-sdk/client-s3": "^3.0.0"\n  }\n}\n',
    '.gitignore': 'ignored/\nnode_modules/\n',
    'src/handler.ts': HANDLER,
    'src/manual.ts': MANUAL,
    'src/clean.ts': CLEAN,
    'src/upload.jsx': JSX_COMPONENT,
    'ignored/handler.ts': HANDLER,
    'dist/handler.js': HANDLER,
  };
}
