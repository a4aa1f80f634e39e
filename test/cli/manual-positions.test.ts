// Manual-review items point at the site in the file as written: after the per-file rewrite and
// after the shared-module step moved declarations out and imports in above it.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { mapLine } from '../../src/rewrite/location.js';
import { gitRepo } from './helpers.js';
import { cli } from './run-cli.js';

const handler = `import { S3Client } from '@aws-sdk/client-s3';
import { fromTemporaryCredentials } from '@aws-sdk/credential-providers';

// A comment that stays.
export const handler = async () => {
  const s3 = new S3Client({ credentials: fromTemporaryCredentials({ params: { RoleArn: 'arn:aws:iam::1:role/shared' } }) });
  return s3.config.region();
};

export const perCaller = async (event: { roleArn: string }) => {
  const credentials = fromTemporaryCredentials({ params: { RoleArn: event.roleArn, RoleSessionName: \`run-\${Date.now()}\` } });
  return credentials();
};
`;

describe('manual review positions', () => {
  it('are lines and columns of the written files', async () => {
    const root = gitRepo({
      'package.json': '{\n  "name": "app",\n  "type": "module"\n}\n',
      'tsconfig.json': '{ "compilerOptions": { "module": "NodeNext", "strict": true, "skipLibCheck": true } }\n',
      'src/a.ts': handler,
      'src/b.ts': handler,
    });
    const { code, stdout } = await cli(root, 'fix', '--json');
    expect(code).toBe(0);
    const summary = JSON.parse(stdout);
    expect(summary.shared).toEqual([expect.objectContaining({ module: 'src/aws-credentials.shared.ts' })]);
    expect(summary.manual.length).toBe(2);
    for (const note of summary.manual as { file: string; line: number; column: number }[]) {
      const line = readFileSync(join(root, note.file), 'utf8').split('\n')[note.line - 1]!;
      expect(line.slice(note.column - 1)).toMatch(/^fromTemporaryCredentials\(\{ params: \{ RoleArn: event\.roleArn/);
    }
  });

  it('mapLine carries a line across edits above and below it', () => {
    const from = 'a\nb\nc\nd\ne\n';
    expect(mapLine(from, 'x\ny\na\nb\nc\nd\ne\n', 3)).toBe(5);
    expect(mapLine(from, 'a\nc\nd\ne\n', 4)).toBe(3);
    expect(mapLine(from, 'a\nb\nc\nd\nE\n', 2)).toBe(2);
    expect(mapLine(from, from, 4)).toBe(4);
  });
});
