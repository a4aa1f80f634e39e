// `fix` on a monorepo: the runtime dependency goes only into the package.json of packages whose
// files now import the runtime; each package gets its own shared module in its own source folder,
// in that package's style; the summary names every package.json it changed.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { git, gitRepo } from './helpers.js';
import { cli } from './run-cli.js';

const read = (root: string, file: string) => readFileSync(join(root, file), 'utf8');

const manifest = (name: string, type?: string) => `{\n  "name": "${name}",${type ? `\n  "type": "${type}",` : ''}\n  "dependencies": {\n    "@aws-sdk/client-s3": "^3.0.0"\n  }\n}\n`;

// No semicolons, double quotes (ESM).
const handlerNoSemi = (role: string) => `import { S3Client } from "@aws-sdk/client-s3"
import { fromTemporaryCredentials } from "@aws-sdk/credential-providers"

export const handler = async () => {
  const s3 = new S3Client({ credentials: fromTemporaryCredentials({ params: { RoleArn: "${role}" } }) })
  return s3.config.region()
}
`;

// CommonJS, single quotes, semicolons.
const handlerCjs = (role: string) => `const { S3Client } = require('@aws-sdk/client-s3');
const { fromTemporaryCredentials } = require('@aws-sdk/credential-providers');

exports.handler = async () => {
  const s3 = new S3Client({ credentials: fromTemporaryCredentials({ params: { RoleArn: '${role}' } }) });
  return s3.config.region();
};
`;

// Only a client hoisted (a route of a server, so \`recommended\` reports it): nothing from the runtime.
const clientOnly = `import { S3Client } from '@aws-sdk/client-s3';

app.get('/', async () => {
  const s3 = new S3Client({ region: 'eu-west-1' });
  return s3.config.region();
});
`;

describe('aws-credentials fix in a monorepo', () => {
  it('adds the runtime only where it is imported and writes one shared module per package, in its style', async () => {
    const root = gitRepo({
      'package.json': '{\n  "name": "monorepo",\n  "private": true,\n  "workspaces": ["packages/*"]\n}\n',
      'packages/api/package.json': manifest('api', 'module'),
      'packages/api/src/a.js': handlerNoSemi('arn:aws:iam::1:role/api'),
      'packages/api/src/routes/b.js': handlerNoSemi('arn:aws:iam::1:role/api'),
      'packages/worker/package.json': manifest('worker'),
      'packages/worker/src/a.js': handlerCjs('arn:aws:iam::1:role/worker'),
      'packages/worker/src/b.js': handlerCjs('arn:aws:iam::1:role/worker'),
      'packages/clients/package.json': manifest('clients', 'module'),
      'packages/clients/index.js': clientOnly,
    });
    const { code, stdout } = await cli(root, 'fix');
    expect(code).toBe(0);

    // The runtime goes to the two packages that import it, not to the root or the clients-only one.
    expect(JSON.parse(read(root, 'packages/api/package.json')).dependencies['eslint-plugin-aws-credentials']).toMatch(/^\^/);
    expect(JSON.parse(read(root, 'packages/worker/package.json')).dependencies['eslint-plugin-aws-credentials']).toMatch(/^\^/);
    expect(read(root, 'packages/clients/package.json')).toBe(manifest('clients', 'module'));
    expect(read(root, 'package.json')).not.toContain('eslint-plugin-aws-credentials');
    expect(read(root, 'packages/clients/index.js')).not.toBe(clientOnly); // the client was hoisted
    expect(stdout).toContain('Dependencies added to packages/api/package.json, packages/worker/package.json:');

    // One shared module per package, in the package's own src/, imported without leaving the package.
    expect(existsSync(join(root, 'src'))).toBe(false);
    const api = read(root, 'packages/api/src/aws-credentials.shared.js');
    expect(api).toContain('import { cacheCredentials } from "eslint-plugin-aws-credentials/runtime"\n');
    expect(api).toMatch(/^export const \w+ = cacheCredentials\(fromTemporaryCredentials\(\{ params: \{ RoleArn: "arn:aws:iam::1:role\/api" \} \}\)\)$/m);
    expect(api).not.toMatch(/;$/m);
    expect(read(root, 'packages/api/src/routes/b.js')).toMatch(/^import \{ \w+ \} from "\.\.\/aws-credentials\.shared\.js"$/m);
    const worker = read(root, 'packages/worker/src/aws-credentials.shared.js');
    expect(worker).toContain("const { cacheCredentials } = require('eslint-plugin-aws-credentials/runtime');\n");
    expect(worker).toMatch(/^exports\.\w+ = \w+;$/m);
    expect(read(root, 'packages/worker/src/a.js')).toMatch(/^const \{ \w+ \} = require\('\.\/aws-credentials\.shared\.js'\);$/m);
    for (const file of ['packages/api/src/a.js', 'packages/api/src/routes/b.js', 'packages/worker/src/a.js', 'packages/worker/src/b.js']) {
      expect(read(root, file)).not.toContain('../../');
    }
    expect(stdout).toContain('Shared across files in packages/api/src/aws-credentials.shared.js:');
    expect(stdout).toContain('Shared across files in packages/worker/src/aws-credentials.shared.js:');

    git(root, 'add', '-A');
    git(root, 'commit', '-q', '-m', 'fixed');
    const again = JSON.parse((await cli(root, 'fix', '--json')).stdout);
    expect(again.filesRewritten).toEqual([]);
    expect(again.packageJson).toEqual([]);
    expect(git(root, 'status', '--porcelain')).toBe('');
  });
});
