// The configs as users write them, with real ESLint 9 and 10: `configs.recommended` in
// defineConfig(), the 'aws-credentials/recommended' string in `extends`, and next to
// typescript-eslint's configs. Every JS/TS extension is linted; none is silently skipped.
import { ESLint as ESLint10, type Linter } from 'eslint';
import { defineConfig as defineConfig10 } from 'eslint/config';
import { ESLint as ESLint9 } from 'eslint-v9';
import { defineConfig as defineConfig9 } from 'eslint-v9/config';
import tseslint from 'typescript-eslint';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import plugin from '../../src/index.js';

/** A handler that builds its provider per request, in the module style the extension implies. */
function perRequestProvider(ext: string): string {
  const event = isTypeScript(ext) ? 'event: { roleArn: string }' : 'event';
  const body = `async (${event}) => {
  const credentials = fromTemporaryCredentials({ params: { RoleArn: event.roleArn } });
  return credentials;
}`;
  return ext === 'cjs'
    ? `const { fromTemporaryCredentials } = require('@aws-sdk/credential-providers');\nexports.handler = ${body};\n`
    : `import { fromTemporaryCredentials } from '@aws-sdk/credential-providers';\nexport const handler = ${body};\n`;
}
const EXTENSIONS = ['js', 'cjs', 'mjs', 'jsx', 'ts', 'cts', 'mts', 'tsx'] as const;
const isTypeScript = (ext: string): boolean => ext.endsWith('ts') || ext === 'tsx';


type DefineConfig = (...configs: unknown[]) => Linter.Config[];
interface Lint { lintText(code: string, options: { filePath: string }): Promise<ESLint10.LintResult[]> }
const eslints: readonly { version: string; create: (config: Linter.Config[]) => Lint; defineConfig: DefineConfig }[] = [
  { version: '9', create: config => new ESLint9({ overrideConfigFile: true, overrideConfig: config as never }) as unknown as Lint, defineConfig: defineConfig9 as unknown as DefineConfig },
  { version: '10', create: config => new ESLint10({ overrideConfigFile: true, overrideConfig: config }), defineConfig: defineConfig10 as unknown as DefineConfig },
];

async function ruleIdsFor(eslint: Lint, ext: string): Promise<string[]> {
  const [result] = await eslint.lintText(perRequestProvider(ext), { filePath: `src/handler.${ext}` });
  // A parse error or "File ignored because no matching configuration was supplied" fails here.
  expect(result!.messages.filter(message => message.fatal || message.ruleId === null), ext).toEqual([]);
  return result!.messages.map(message => message.ruleId!);
}

describe.each(eslints)('ESLint $version', ({ version, create, defineConfig }) => {
  const shapes: readonly [string, () => Linter.Config[]][] = [
    ['defineConfig([configs.recommended])', () => defineConfig([plugin.configs.recommended])],
    ['extends: [configs.recommended]', () => defineConfig({ extends: [plugin.configs.recommended] })],
    ["extends: ['aws-credentials/recommended']", () => defineConfig({ plugins: { 'aws-credentials': plugin }, extends: ['aws-credentials/recommended'] })],
    ['configs.recommended, then typescript-eslint', () => defineConfig(plugin.configs.recommended, tseslint.configs.recommended)],
  ];

  it.each(shapes)('%s: finds a per-request provider in every JS/TS extension', async (_shape, config) => {
    const eslint = create(config());
    for (const ext of EXTENSIONS) {
      expect(await ruleIdsFor(eslint, ext), `ESLint ${version}, .${ext}`).toContain('aws-credentials/no-per-request-credential-provider');
    }
  });

  it('recommended-type-checked finds, on a project with a tsconfig, what recommended cannot see', async () => {
    const root = fileURLToPath(new URL('./__fixtures__/typed/', import.meta.url));
    const lint = async (config: Linter.Config[]): Promise<number[]> => {
      const eslint = version === '9' ? new ESLint9({ cwd: root, overrideConfigFile: true, overrideConfig: config as never }) : new ESLint10({ cwd: root, overrideConfigFile: true, overrideConfig: config });
      const [result] = await eslint.lintFiles(['src/handler.ts']);
      expect(result!.messages.filter(message => message.fatal || message.ruleId === null)).toEqual([]);
      return result!.messages.map(message => message.line);
    };
    expect(await lint(defineConfig({ plugins: { 'aws-credentials': plugin }, extends: ['aws-credentials/recommended-type-checked'] }))).toEqual([13, 14, 15, 16]);
    expect(await lint(defineConfig([plugin.configs.recommendedTypeChecked]))).toEqual([13, 14, 15, 16]);
    expect(await lint(defineConfig([plugin.configs.recommended]))).toEqual([]);
  });

  it('the ESLint version under test is the one named', () => {
    const Class = version === '9' ? ESLint9 : ESLint10;
    expect(Class.version.split('.')[0]).toBe(version);
  });
});
