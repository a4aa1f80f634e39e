import { describe, expect, it } from 'vitest';
import { analyzeSource, applyFixes, parseSource, type Site } from '../../src/analysis/index.js';
import { FREQUENCY_SHAPES, IMPORT_STYLES, PUBLIC_REGRESSIONS, type Case } from './cases.js';

const describeSite = (site: Site): string => `${site.rule}:${site.messageId}@${site.node.loc.start.line}`;

/** What the codemod does: analyse and apply until nothing fixable is left (at most 3 passes). */
function fixAll(code: string, file: string): string {
  let text = code;
  for (let pass = 0; pass < 3; pass++) {
    const sites = analyzeSource(text, file).sites.filter((site) => site.fix.kind !== 'manual');
    if (sites.length === 0) break;
    text = applyFixes(text, sites).text;
  }
  return text;
}

describe.each([
  ['import styles', IMPORT_STYLES],
  ['frequency shapes', FREQUENCY_SHAPES],
  ['public regressions', PUBLIC_REGRESSIONS],
] as const)('%s', (_, cases: readonly Case[]) => {
  it.each(cases.map((c) => [c.name, c] as const))('%s', (_name, c) => {
    const file = c.file ?? 'a.mjs';
    const { sites } = analyzeSource(c.code, file);
    expect(sites.map(describeSite)).toEqual(c.expect);
    if (c.context) expect(sites[0]?.data.context).toBe(c.context);
    for (const site of sites) {
      expect(site.data.name).not.toBe('');
      expect(site.data.cost).not.toBe('');
      if (site.fix.kind === 'manual') expect(site.fix.reason.length).toBeGreaterThan(10);
    }
    const fixed = fixAll(c.code, file);
    expect(() => parseSource(fixed, file)).not.toThrow();
    expect(analyzeSource(fixed, file).sites.filter((s) => s.fix.kind !== 'manual')).toEqual([]);
    expect(fixAll(fixed, file)).toBe(fixed);
  });
});

describe('fix plans', () => {
  it('hoists a provider with module-stable inputs and imports the runtime once', () => {
    const code = [
      "import { fromTemporaryCredentials } from '@aws-sdk/credential-providers';",
      "import { S3Client } from '@aws-sdk/client-s3';",
      "const ROLE = 'arn:aws:iam::1:role/r';",
      '',
      '/** Handles one upload. */',
      'export const handler = async () => {',
      '  const a = new S3Client({ credentials: fromTemporaryCredentials({ params: { RoleArn: ROLE } }) });',
      "  const b = new S3Client({ credentials: fromTemporaryCredentials({ params: { RoleArn: ROLE, RoleSessionName: 'b' } }) });",
      '};',
      '',
    ].join('\n');
    expect(fixAll(code, 'a.ts')).toBe([
      "import { fromTemporaryCredentials } from '@aws-sdk/credential-providers';",
      "import { S3Client } from '@aws-sdk/client-s3';",
      "import { cacheCredentials } from 'eslint-plugin-aws-credentials/runtime';",
      "const ROLE = 'arn:aws:iam::1:role/r';",
      '',
      'const temporaryCredentials = cacheCredentials(fromTemporaryCredentials({ params: { RoleArn: ROLE } }));',
      '',
      "const temporaryCredentialsB = cacheCredentials(fromTemporaryCredentials({ params: { RoleArn: ROLE, RoleSessionName: 'b' } }));",
      '',
      '/** Handles one upload. */',
      'export const handler = async () => {',
      '  const a = new S3Client({ credentials: temporaryCredentials });',
      '  const b = new S3Client({ credentials: temporaryCredentialsB });',
      '};',
      '',
    ].join('\n'));
  });

  it('keys a provider whose inputs vary by every input, static ones included', () => {
    const code = `const { fromTemporaryCredentials } = require("@aws-sdk/credential-providers")\nexports.handler = async (event) => fromTemporaryCredentials({ params: { RoleArn: event.role, RoleSessionName: "s" }, clientConfig: { region: event.region } })\n`;
    expect(fixAll(code, 'a.cjs')).toBe(
      `const { fromTemporaryCredentials } = require("@aws-sdk/credential-providers")\nconst { sharedCredentials } = require("eslint-plugin-aws-credentials/runtime")\nexports.handler = async (event) => sharedCredentials({ source: "fromTemporaryCredentials", RoleArn: event.role, RoleSessionName: "s", region: event.region }, () => fromTemporaryCredentials({ params: { RoleArn: event.role, RoleSessionName: "s" }, clientConfig: { region: event.region } }))\n`,
    );
  });

  it.each([
    ['Date.now() in a session name', 'fromTemporaryCredentials({ params: { RoleArn: event.role, RoleSessionName: `s-${Date.now()}` } })', 'unique'],
    ['a spread of an unknown object', 'fromTemporaryCredentials({ ...event.options })', 'spreads'],
    ['a call with side effects', 'fromTemporaryCredentials({ params: { RoleArn: lookupRole(event) } })', 'side effects'],
    ['an input declared after the handler', 'fromTemporaryCredentials({ params: { RoleArn: LATER } })', 'declared after'],
  ])('leaves %s for manual review', (_name, call, reason) => {
    const code = `import { fromTemporaryCredentials } from '@aws-sdk/credential-providers';\nexport const handler = async (event) => ${call};\nconst LATER = 'x';\n`;
    const [site] = analyzeSource(code, 'a.mjs').sites;
    expect(site?.fix.kind).toBe('manual');
    expect(site?.fix.kind === 'manual' && site.fix.reason).toContain(reason);
    expect(fixAll(code, 'a.mjs')).toBe(code);
  });

  it('merges into an existing runtime import', () => {
    const code = `import { fromIni } from '@aws-sdk/credential-providers';\nimport { toV2Credentials } from 'eslint-plugin-aws-credentials/runtime';\nexport const handler = async () => fromIni();\n`;
    expect(fixAll(code, 'a.mjs')).toContain("import { toV2Credentials, cacheCredentials } from 'eslint-plugin-aws-credentials/runtime';");
  });

  it('names a parse error by file, line and column', () => {
    expect(() => analyzeSource('const = ;', 'src/broken.ts')).toThrow(/src\/broken\.ts:1:\d+/);
  });
});
