// R1: a Lambda handler bundled apart from its package is not rewritten unattended. In a CDK app's
// package (aws-cdk-lib, cdk.json) the app's bundler builds it at synth time, and a handler its
// package's tsconfig excludes is bundled apart too; a NodejsFunction entry with a package of its
// own inside the app is rewritten only when that package resolves the runtime. Fix leaves a
// manual note, and scan offers no suggestion there: one plan for both.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { git, gitRepo } from './helpers.js';
import { cli } from './run-cli.js';
import { HANDLER } from './sample-app.js';

const manifest = (name: string, dependencies: Record<string, string>): string => `${JSON.stringify({ name, version: '1.0.0', dependencies }, null, 2)}\n`;
const SDK = { '@aws-sdk/client-s3': '^3.0.0', '@aws-sdk/credential-providers': '^3.0.0' };
const STACK = `import { Stack } from 'aws-cdk-lib';
import { NodejsFunction } from 'aws-cdk-lib/aws-lambda-nodejs';

export class ReportsStack extends Stack {
  reports = new NodejsFunction(this, 'Reports', { entry: 'lambda/reports.ts' });
  orders = new NodejsFunction(this, 'Orders', { entry: 'functions/orders/handler.ts' });
  billing = new NodejsFunction(this, 'Billing', { entry: 'functions/billing/handler.ts' });
}
`;

function repository(): string {
  return gitRepo({
    'infra/package.json': manifest('infra', { ...SDK, 'aws-cdk-lib': '^2.150.0', constructs: '^10.0.0' }),
    'infra/cdk.json': '{ "app": "npx ts-node bin/app.ts" }\n',
    'infra/lib/stack.ts': STACK,
    'infra/lambda/reports.ts': HANDLER,
    'infra/functions/orders/package.json': manifest('orders', SDK),
    'infra/functions/orders/handler.ts': HANDLER,
    'infra/functions/billing/package.json': manifest('billing', { ...SDK, 'eslint-plugin-aws-credentials': '^0.1.0' }),
    'infra/functions/billing/handler.ts': HANDLER,
    'api/package.json': manifest('api', SDK),
    'api/src/handler.ts': HANDLER,
    'web/package.json': manifest('web', SDK),
    'web/tsconfig.json': '{\n  // The edge function is bundled by its own deploy step.\n  "compilerOptions": { "strict": true },\n  "exclude": ["node_modules", "lambda"]\n}\n',
    'web/src/app.ts': 'export const title = "web";\n',
    'web/lambda/edge.ts': HANDLER,
  });
}

const CDK_REASON =
  'fromTemporaryCredentials: this Lambda handler belongs to an infrastructure-as-code app (CDK), whose bundler builds it at synth time: make sure the runtime import resolves there, then apply the fix by hand.';
const EXCLUDED_REASON =
  "fromTemporaryCredentials: this Lambda handler is excluded by its package's tsconfig.json, so it is bundled apart from the package: make sure the runtime import resolves for that bundler, then apply the fix by hand.";
const ENTRY_REASON =
  'fromTemporaryCredentials: this Lambda handler is bundled on its own from an infrastructure-as-code app (a CDK NodejsFunction entry), and eslint-plugin-aws-credentials/runtime does not resolve from its package.json: add the dependency there, then apply the fix.';

describe('Lambda handlers bundled apart from their package (R1)', () => {
  it('fix leaves a manual note in a CDK app and in an entry package that cannot resolve the runtime, and rewrites the others', async () => {
    const root = repository();
    const first = await cli(root, 'fix', '--json');
    expect(first.code).toBe(0);
    const summary = JSON.parse(first.stdout);
    expect(summary.filesRewritten).toEqual(['api/src/handler.ts', 'infra/functions/billing/handler.ts']);
    expect(summary.manual).toEqual([
      { file: 'infra/functions/orders/handler.ts', line: 7, column: 18, rule: 'no-per-request-credential-provider', reason: ENTRY_REASON },
      { file: 'infra/lambda/reports.ts', line: 7, column: 18, rule: 'no-per-request-credential-provider', reason: CDK_REASON },
      { file: 'web/lambda/edge.ts', line: 7, column: 18, rule: 'no-per-request-credential-provider', reason: EXCLUDED_REASON },
    ]);
    expect(summary.packageJson).toEqual(['api/package.json']);
    for (const file of ['infra/lambda/reports.ts', 'infra/functions/orders/handler.ts', 'web/lambda/edge.ts']) expect(readFileSync(join(root, file), 'utf8')).toBe(HANDLER);
    git(root, 'add', '-A');
    git(root, 'commit', '-q', '-m', 'fixed');
    const second = await cli(root, 'fix', '--json');
    expect(JSON.parse(second.stdout)).toMatchObject({ filesRewritten: [], manual: summary.manual });
    expect(git(root, 'status', '--porcelain')).toBe('');
  });

  it('scan reports the same sites and offers a suggestion only where fix rewrites', async () => {
    const root = repository();
    const { findings } = JSON.parse((await cli(root, 'scan', '--json')).stdout) as { findings: { file: string; suggestions?: unknown[] }[] };
    expect(findings.map(finding => [finding.file, (finding.suggestions ?? []).length > 0])).toEqual([
      ['api/src/handler.ts', true],
      ['infra/functions/billing/handler.ts', true],
      ['infra/functions/orders/handler.ts', false],
      ['infra/lambda/reports.ts', false],
      ['web/lambda/edge.ts', false],
    ]);
  });
});
