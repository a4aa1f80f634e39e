// A client built per request from varying config gets one shared default chain as `credentials`
// (fix-plan/client-credentials.ts): where the property goes, which local name of
// fromNodeProviderChain is used, and when it is left manual (identity settings, no providers module,
// the name taken).
import { describe, expect, it } from 'vitest';
import { analyzeSource, type AnalysisOptions } from '../../src/analysis/index.js';
import { fixAll, lines } from './support.js';

const S3 = "import { S3Client } from '@aws-sdk/client-s3';";
const CP = "import { fromIni } from '@aws-sdk/credential-providers';";
const RUNTIME = "import { cacheCredentials } from 'eslint-plugin-aws-credentials/runtime';";
const HANDLER = 'export const handler = async (event) => new S3Client({ region: event.region });';
const SHARED = 'export const handler = async (event) => new S3Client({ region: event.region, credentials: defaultCredentials });';

function only(code: string, file = 'a.mjs', options?: AnalysisOptions): { kind: string; text: string } {
  const sites = analyzeSource(code, file, options).sites;
  expect(sites).toHaveLength(1);
  const fix = sites[0]!.fix;
  return { kind: fix.kind, text: fix.kind === 'manual' ? fix.reason : fix.description };
}

describe('a shared default chain for clients with varying config', () => {
  it('added after the last property, fromNodeProviderChain imported next to the file\'s providers import', () => {
    const code = lines(S3, CP, HANDLER);
    expect(only(code)).toEqual({ kind: 'hoist', text: 'credentials: defaultCredentials, one module-scope cacheCredentials(fromNodeProviderChain()) shared by every S3Client' });
    expect(fixAll(code)).toBe(
      lines(S3, "import { fromIni, fromNodeProviderChain } from '@aws-sdk/credential-providers';", RUNTIME, 'const defaultCredentials = cacheCredentials(fromNodeProviderChain());', '', SHARED),
    );
  });

  it('when the project depends on the providers module, a new import of it', () => {
    const code = lines(S3, HANDLER);
    expect(fixAll(code, 'a.mjs', { availableModules: ['@aws-sdk/credential-providers'] })).toBe(
      lines(S3, "import { fromNodeProviderChain } from '@aws-sdk/credential-providers';", RUNTIME, 'const defaultCredentials = cacheCredentials(fromNodeProviderChain());', '', SHARED),
    );
  });

  it('an existing (renamed) import or require of fromNodeProviderChain is used as it is', () => {
    expect(fixAll(lines(S3, "import { fromNodeProviderChain as chain } from '@aws-sdk/credential-providers';", HANDLER))).toBe(
      lines(S3, "import { fromNodeProviderChain as chain } from '@aws-sdk/credential-providers';", RUNTIME, 'const defaultCredentials = cacheCredentials(chain());', '', SHARED),
    );
    const cjs = lines("const { S3Client } = require('@aws-sdk/client-s3');", "const { fromNodeProviderChain: chain } = require('@aws-sdk/credential-providers');", 'exports.handler = async (event) => new S3Client({ region: event.region });');
    expect(fixAll(cjs, 'a.cjs')).toBe(
      lines(
        "const { S3Client } = require('@aws-sdk/client-s3');",
        "const { fromNodeProviderChain: chain } = require('@aws-sdk/credential-providers');",
        "const { cacheCredentials } = require('eslint-plugin-aws-credentials/runtime');",
        'const defaultCredentials = cacheCredentials(chain());',
        '',
        'exports.handler = async (event) => new S3Client({ region: event.region, credentials: defaultCredentials });',
      ),
    );
  });

  it('an existing import of fromNodeProviderChain under its own name is used, not refused as taken', () => {
    const code = lines(S3, "import { fromNodeProviderChain } from '@aws-sdk/credential-providers';", HANDLER);
    expect(fixAll(code)).toBe(
      lines(S3, "import { fromNodeProviderChain } from '@aws-sdk/credential-providers';", RUNTIME, 'const defaultCredentials = cacheCredentials(fromNodeProviderChain());', '', SHARED),
    );
  });

  it('a client with no arguments, or an empty config, gets a config with credentials', () => {
    const bound = (args: string) => lines(CP, `export const handler = async (event) => { const { S3Client } = await import('@aws-sdk/client-s3'); return new S3Client(${args}); };`);
    for (const args of ['', '{}']) {
      expect(fixAll(bound(args))).toBe(
        lines(
          "import { fromIni, fromNodeProviderChain } from '@aws-sdk/credential-providers';",
          RUNTIME,
          'const defaultCredentials = cacheCredentials(fromNodeProviderChain());',
          '',
          "export const handler = async (event) => { const { S3Client } = await import('@aws-sdk/client-s3'); return new S3Client({ credentials: defaultCredentials }); };",
        ),
      );
    }
  });

  it.each([
    ['profile', 'new S3Client({ region: event.region, profile: "p" })', 'Its config sets `profile`'],
    ['a quoted identity setting', 'new S3Client({ region: event.region, "roleArn": "r" })', 'Its config sets `roleArn`'],
  ])('manual: %s', (_name, client, reason) => {
    const code = lines(S3, CP, `export const handler = async (event) => ${client};`);
    const plan = only(code);
    expect(plan.kind).toBe('manual');
    expect(plan.text).toContain(reason);
    expect(fixAll(code)).toBe(code);
  });

  it('manual: no providers module (a type-only import does not count)', () => {
    for (const code of [lines(S3, HANDLER), lines(S3, "import type { AwsCredentialIdentity } from '@aws-sdk/credential-providers';", HANDLER)]) {
      expect(only(code, 'a.ts')).toEqual({
        kind: 'manual',
        text: 'its inputs vary per request (`event.region`); share one instance per distinct input by hand. Or give it `credentials`: one module-scope `cacheCredentials(fromNodeProviderChain())` from @aws-sdk/credential-providers shared by every client (not done automatically: this file does not import @aws-sdk/credential-providers).',
      });
    }
  });

  it('manual: fromNodeProviderChain names something else', () => {
    const code = lines(S3, CP, 'const fromNodeProviderChain = 1;', HANDLER);
    expect(only(code).text).toContain('(not done automatically: `fromNodeProviderChain` names something else here).');
  });
});
