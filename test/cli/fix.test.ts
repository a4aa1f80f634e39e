// `aws-credentials fix` on temp git repositories: dirty-tree refusal, --dry-run, --diff, --json,
// unparsable files, idempotence, package.json, --vendor-runtime.
import { existsSync, readFileSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { planFix, writeChanges, type FixOptions } from '../../src/cli/fix.js';
import { git, gitRepo, writeTree } from './helpers.js';
import { compiledRuntime } from './real-runtime.js';
import { cli } from './run-cli.js';
import { runtimeDependencyNotice } from '../../src/cli/summary.js';
import { BROKEN, HANDLER, sampleApp } from './sample-app.js';

const read = (root: string, file: string) => readFileSync(join(root, file), 'utf8');

describe('aws-credentials fix', () => {
  it('refuses a dirty git tree unless --force', async () => {
    const root = gitRepo(sampleApp());
    writeTree(root, { 'src/clean.ts': '// edited\n' });
    const refused = await cli(root, 'fix');
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('uncommitted changes');
    expect(refused.stderr).toContain('--force');
    expect(read(root, 'src/handler.ts')).toBe(HANDLER);
    const forced = await cli(root, 'fix', '--force');
    expect(forced.code).toBe(0);
    expect(read(root, 'src/handler.ts')).not.toBe(HANDLER);
  });

  it('--dry-run writes nothing and --diff prints a unified diff', async () => {
    const root = gitRepo(sampleApp());
    const { code, stdout } = await cli(root, 'fix', '--dry-run', '--diff');
    expect(code).toBe(0);
    expect(git(root, 'status', '--porcelain')).toBe('');
    expect(stdout).toContain('--- a/src/handler.ts\n+++ b/src/handler.ts\n@@ -');
    expect(stdout).toMatch(/^\+.*eslint-plugin-aws-credentials\/runtime/m);
    expect(stdout).toContain('--- a/package.json');
    expect(stdout).toContain('Dry run: nothing written.');
    expect(stdout).not.toContain('ignored/');
  });

  it('rewrites, reports manual sites and unparsable files, adds the dependency once, and is idempotent', async () => {
    const root = gitRepo({ ...sampleApp(), 'src/broken.ts': BROKEN });
    const first = await cli(root, 'fix', '--json');
    const summary = JSON.parse(first.stdout);
    expect(first.code).toBe(2); // the unparsable file: as scan exits when nothing else is left
    expect(summary.filesRewritten).toContain('src/handler.ts');
    expect(summary.sitesRewritten).toBeGreaterThan(0);
    expect(summary.findingsByRule['no-per-request-credential-provider']).toBeGreaterThan(0);
    expect(summary.errors).toEqual([expect.objectContaining({ file: 'src/broken.ts', line: 4, column: expect.any(Number) })]);
    expect(read(root, 'src/broken.ts')).toBe(BROKEN);
    expect(summary.manual.some((note: { file: string }) => note.file === 'src/manual.ts')).toBe(true);
    expect(read(root, 'ignored/handler.ts')).toBe(HANDLER);
    expect(read(root, 'src/handler.ts')).toContain("from 'eslint-plugin-aws-credentials/runtime'");
    const manifest = JSON.parse(read(root, 'package.json'));
    expect(manifest.dependencies).toEqual({ '@aws-sdk/client-s3': '^3.0.0', 'eslint-plugin-aws-credentials': expect.stringMatching(/^\^\d/) });
    expect(read(root, 'package.json')).toMatch(/^{\n {2}"name"/);

    git(root, 'add', '-A');
    git(root, 'commit', '-q', '-m', 'fixed');
    const second = await cli(root, 'fix');
    expect(second.stdout).toContain('Files rewritten: 0');
    expect(git(root, 'status', '--porcelain')).toBe('');
  });

  it('prints the text summary with the manual review list as file:line:col - reason', async () => {
    const root = gitRepo(sampleApp());
    const { code, stdout } = await cli(root, 'fix');
    expect(code).toBe(0);
    expect(stdout).toMatch(/^Files scanned: 4$/m);
    expect(stdout).toMatch(/^Files rewritten: \d+$/m);
    expect(stdout).toMatch(/^ {2}src\/manual\.ts:\d+:\d+ - no-per-request-credential-provider: \S/m);
  });

  it('says on stderr which package.json got the unpublished runtime package, why, and the --vendor-runtime way', async () => {
    const root = gitRepo(sampleApp());
    const { code, stdout, stderr } = await cli(root, 'fix', '--json');
    expect(code).toBe(0);
    expect(JSON.parse(stdout).runtimeDependency).toEqual(['package.json']);
    expect(stderr).toContain('added eslint-plugin-aws-credentials to "dependencies" in package.json.');
    expect(stderr).toContain('imports eslint-plugin-aws-credentials/runtime at run time');
    expect(stderr).toContain('production dependency');
    expect(stderr).toContain('not published on the npm registry yet');
    expect(stderr).toContain('--vendor-runtime');
    // Nothing added on the second run, nothing said.
    git(root, 'add', '-A');
    git(root, 'commit', '-q', '-m', 'fixed');
    expect((await cli(root, 'fix')).stderr).toBe('');
  });

  it('moves the plugin from devDependencies to dependencies with its range instead of adding a second entry', async () => {
    const files = sampleApp();
    const root = gitRepo({
      ...files,
      'package.json': '{\n  "name": "app",\n  "dependencies": {\n    "@aws-sdk/client-s3": "^3.0.0"\n  },\n  "devDependencies": {\n    "eslint": "^9.0.0",\n    "eslint-plugin-aws-credentials": "~0.0.9"\n  }\n}\n',
    });
    const { code, stderr } = await cli(root, 'fix');
    expect(code).toBe(0);
    const manifest = JSON.parse(read(root, 'package.json'));
    expect(manifest.dependencies).toEqual({ '@aws-sdk/client-s3': '^3.0.0', 'eslint-plugin-aws-credentials': '~0.0.9' });
    expect(manifest.devDependencies).toEqual({ eslint: '^9.0.0' });
    expect(stderr).toContain('in package.json.');
  });

  it('adds no dependency and says nothing about it with --vendor-runtime', () => {
    const root = gitRepo(sampleApp());
    const options: FixOptions = {
      paths: [],
      memoizers: [],
      dryRun: true,
      diff: false,
      json: true,
      force: false,
      transform: 'all',
      vendorRuntime: 'src/lib/aws-credentials.js',
      noSharedModule: false,
      noPackageJson: false,
      noTypecheck: false,
      runtimeDir: compiledRuntime(),
    };
    const { summary } = planFix(root, options);
    expect(summary.filesRewritten.length).toBeGreaterThan(0);
    expect(summary.runtimeDependency).toEqual([]);
    expect(runtimeDependencyNotice(summary)).toBeUndefined();
  });

  it('--vendor-runtime writes the runtime into the repository; the rewritten code loads it', async () => {
    const root = gitRepo({
      'package.json': '{ "name": "app", "type": "module" }\n',
      'src/handler.mjs': `import { fromTemporaryCredentials } from '@aws-sdk/credential-providers';\n\nexport const handler = async () => {\n  const credentials = fromTemporaryCredentials({ params: { RoleArn: 'arn:aws:iam::1:role/r' } });\n  return credentials;\n};\n`,
    });
    const options: FixOptions = {
      paths: [],
      memoizers: [],
      dryRun: false,
      diff: false,
      json: true,
      force: false,
      transform: 'all',
      vendorRuntime: 'src/lib/aws-credentials.js',
      noSharedModule: false,
      noPackageJson: false,
      noTypecheck: false,
      runtimeDir: compiledRuntime(),
    };
    const plan = planFix(root, options);
    expect(writeChanges(plan.changes)).toEqual([]);
    expect(plan.summary.vendoredRuntime).toEqual(['src/lib/aws-credentials.js']);
    expect(read(root, 'src/handler.mjs')).toContain("from './lib/aws-credentials.js'");
    expect(JSON.parse(read(root, 'package.json')).dependencies).toBeUndefined();
    symlinkSync(join(__dirname, '..', '..', 'node_modules'), join(root, 'node_modules'));
    const vendored = (await import(pathToFileURL(join(root, 'src/lib/aws-credentials.js')).href)) as typeof import('../../src/runtime/index.js');
    let calls = 0;
    const provider = vendored.cacheCredentials(async () => ({ accessKeyId: `AKIA${(calls += 1)}`, secretAccessKey: 's' }));
    expect((await provider()).accessKeyId).toBe('AKIA1');
    expect((await provider()).accessKeyId).toBe('AKIA1');
    const app = (await import(pathToFileURL(join(root, 'src/handler.mjs')).href)) as { handler: () => Promise<unknown> };
    expect(await app.handler()).toBe(await app.handler());
    expect(existsSync(join(root, 'src/lib/aws-credentials.d.ts'))).toBe(false);
  });
});

describe('aws-credentials fix across files', () => {
  const handler = (quote: string) => `import { S3Client } from ${quote}@aws-sdk/client-s3${quote};
import { fromTemporaryCredentials } from ${quote}@aws-sdk/credential-providers${quote};

export const handler = async () => {
  const s3 = new S3Client({ credentials: fromTemporaryCredentials({ params: { RoleArn: ${quote}arn:aws:iam::1:role/shared${quote} } }) });
  return s3.config.region();
};
`;

  it('moves identical providers into one shared module imported with .js under NodeNext', async () => {
    const root = gitRepo({
      'package.json': '{\n  "name": "app",\n  "type": "module"\n}\n',
      'tsconfig.json': '{ "compilerOptions": { "module": "NodeNext", "strict": true, "skipLibCheck": true } }\n',
      'src/a.ts': handler("'"),
      'src/routes/b.ts': handler('"'),
    });
    const { code, stdout } = await cli(root, 'fix');
    expect(code).toBe(0);
    expect(stdout).toContain('Shared across files in src/aws-credentials.shared.ts: temporaryCredentials (2 files)');
    const shared = read(root, 'src/aws-credentials.shared.ts');
    expect(shared).toContain("export const temporaryCredentials = cacheCredentials(fromTemporaryCredentials({ params: { RoleArn: 'arn:aws:iam::1:role/shared' } }));");
    expect(read(root, 'src/a.ts')).toContain("import { temporaryCredentials } from './aws-credentials.shared.js';");
    expect(read(root, 'src/routes/b.ts')).toContain('import { temporaryCredentials } from "../aws-credentials.shared.js"');
    expect(read(root, 'src/a.ts')).not.toContain('fromTemporaryCredentials');
    git(root, 'add', '-A');
    git(root, 'commit', '-q', '-m', 'fixed');
    const again = await cli(root, 'fix', '--json');
    expect(JSON.parse(again.stdout).filesRewritten).toEqual([]);
  });

  it('adds @aws-sdk/credential-providers when a rewritten AssumeRole call needs it', async () => {
    const root = gitRepo({
      'package.json': '{\n  "name": "app",\n  "dependencies": {\n    "@aws-sdk/client-sts": "^3.500.0"\n  }\n}\n',
      'handler.mjs': `import { STSClient, AssumeRoleCommand } from '@aws-sdk/client-sts';
import { S3Client } from '@aws-sdk/client-s3';

const sts = new STSClient({ region: 'us-east-1' });

export const handler = async () => {
  const { Credentials } = await sts.send(new AssumeRoleCommand({ RoleArn: 'arn:aws:iam::1:role/r', RoleSessionName: 's' }));
  return new S3Client({ credentials: { accessKeyId: Credentials.AccessKeyId, secretAccessKey: Credentials.SecretAccessKey, sessionToken: Credentials.SessionToken } });
};
`,
    });
    const { code } = await cli(root, 'fix');
    expect(code).toBe(0);
    expect(read(root, 'handler.mjs')).toContain("cacheCredentials(fromTemporaryCredentials({ params: { RoleArn: 'arn:aws:iam::1:role/r', RoleSessionName: 's' }, clientConfig: { region: 'us-east-1' } }))");
    expect(JSON.parse(read(root, 'package.json')).dependencies).toEqual({
      '@aws-sdk/client-sts': '^3.500.0',
      '@aws-sdk/credential-providers': '^3.500.0',
      'eslint-plugin-aws-credentials': expect.stringMatching(/^\^/),
    });
  });
});

describe('aws-credentials fix: @aws-sdk/credential-providers for the MSK signer', () => {
  const consumer = `import { generateAuthTokenFromRole } from 'aws-msk-iam-sasl-signer-js';

export const sasl = {
  mechanism: 'oauthbearer',
  oauthBearerProvider: async () => {
    const token = await generateAuthTokenFromRole({ region: 'us-east-1', awsRoleArn: 'arn:aws:iam::1:role/kafka' });
    return { value: token.token };
  },
};
`;

  it('adds it to the nearest package.json in the range of the project\'s other @aws-sdk packages', async () => {
    const root = gitRepo({
      'package.json': '{\n  "name": "app"\n}\n',
      'services/kafka/package.json': '{\n  "name": "kafka",\n  "dependencies": {\n    "@aws-sdk/client-kafka": "^3.600.0",\n    "aws-msk-iam-sasl-signer-js": "^1.0.3"\n  }\n}\n',
      'services/kafka/consumer.ts': consumer,
    });
    const { code, stdout } = await cli(root, 'fix', '--json');
    expect(code).toBe(0);
    expect(JSON.parse(stdout).packageJson).toEqual(['services/kafka/package.json']);
    expect(read(root, 'services/kafka/consumer.ts')).toContain("import { fromTemporaryCredentials } from '@aws-sdk/credential-providers';");
    expect(JSON.parse(read(root, 'services/kafka/package.json')).dependencies).toEqual({
      '@aws-sdk/client-kafka': '^3.600.0',
      '@aws-sdk/credential-providers': '^3.600.0',
      'aws-msk-iam-sasl-signer-js': '^1.0.3',
      'eslint-plugin-aws-credentials': expect.stringMatching(/^\^/),
    });
    expect(read(root, 'package.json')).toBe('{\n  "name": "app"\n}\n');
  });

  it('with --no-package-json the site is manual, with the reason', async () => {
    const root = gitRepo({
      'package.json': '{\n  "name": "kafka",\n  "dependencies": {\n    "aws-msk-iam-sasl-signer-js": "^1.0.3"\n  }\n}\n',
      'consumer.ts': consumer,
    });
    const { code, stdout } = await cli(root, 'fix', '--json', '--no-package-json');
    expect(code).toBe(0);
    const summary = JSON.parse(stdout);
    expect(summary.filesRewritten).toEqual([]);
    expect(summary.manual).toEqual([expect.objectContaining({ file: 'consumer.ts', reason: expect.stringContaining('@aws-sdk/credential-providers, which is not among the project\'s dependencies') })]);
    expect(read(root, 'consumer.ts')).toBe(consumer);
  });
});

describe('fix rewrites exactly what scan reports', () => {
  it.each(['recommended', 'strict'] as const)('with --config %s: the same findings per rule, and nothing fixable left after', async (config) => {
    const root = gitRepo(sampleApp());
    const scanned = JSON.parse((await cli(root, 'scan', '--json', '--config', config)).stdout);
    const fixed = JSON.parse((await cli(root, 'fix', '--json', '--config', config)).stdout);
    expect(fixed.findingsByRule).toEqual(scanned.countsByRule);
    expect(fixed.sitesRewritten + fixed.manual.length).toBe(scanned.findings.length);
    const after = JSON.parse((await cli(root, 'scan', '--json', '--config', config)).stdout);
    expect(after.findings.filter((finding: { suggestions?: unknown[] }) => (finding.suggestions ?? []).length > 0)).toEqual([]);
  });

  // LZA's diagnostic-pack: a Lambda package that depends on client-sts but not on
  // @aws-sdk/credential-providers. fix adds that package and rewrites the client; scan must
  // offer the very same edit as a suggestion (it offered none).
  it('a site fix rewrites carries the identical suggestion in scan, also where fix adds @aws-sdk/credential-providers', async () => {
    const source = `import { EC2Client, DescribeVpcsCommand } from '@aws-sdk/client-ec2';

export const handler = async (event: { regions: string[] }) => {
  for (const region of event.regions) {
    const ec2 = new EC2Client({ region });
    await ec2.send(new DescribeVpcsCommand({}));
  }
};
`;
    const root = gitRepo({
      'package.json': '{\n  "name": "fn",\n  "main": "index.js",\n  "dependencies": {\n    "@aws-sdk/client-ec2": "3.1041.0",\n    "@aws-sdk/client-sts": "3.1041.0"\n  }\n}\n',
      'index.ts': source,
    });
    const scanned = JSON.parse((await cli(root, 'scan', '--json', '--config', 'strict')).stdout) as { findings: { suggestions?: { range: [number, number]; text: string }[] }[] };
    const fixed = JSON.parse((await cli(root, 'fix', '--dry-run', '--json', '--config', 'strict')).stdout);
    expect(fixed.sitesRewritten).toBe(1);
    expect(scanned.findings).toHaveLength(1);
    const [suggestion] = scanned.findings[0]!.suggestions ?? [];
    expect(suggestion, 'the rewritten site offers a suggestion').toBeDefined();
    await cli(root, 'fix', '--config', 'strict');
    const suggested = source.slice(0, suggestion!.range[0]) + suggestion!.text + source.slice(suggestion!.range[1]);
    expect(read(root, 'index.ts')).toBe(suggested);
    expect(suggested).toContain("import { fromNodeProviderChain } from '@aws-sdk/credential-providers';");
    expect(JSON.parse(read(root, 'package.json')).dependencies['@aws-sdk/credential-providers']).toBe('3.1041.0');
  });
});
