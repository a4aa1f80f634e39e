// The flat config `scan` lints with, so it works in a repository without any ESLint config:
// espree (JSX on) for JavaScript, @typescript-eslint/parser for TypeScript, the plugin's rules.
import tsParser from '@typescript-eslint/parser';
import type { Linter } from 'eslint';
import plugin, { configs, meta, type ConfigName } from '../index.js';

export interface ScanConfigOptions {
  readonly config: ConfigName;
  readonly memoizers?: readonly string[];
}

export function scanConfig(options: ScanConfigOptions): Linter.Config[] {
  const ruleOptions = options.memoizers && options.memoizers.length > 0 ? [{ memoizers: [...options.memoizers] }] : [];
  const rules = Object.fromEntries(
    configs[options.config].flatMap(config => Object.keys(config.rules ?? {})).map(id => [id, ['error', ...ruleOptions]]),
  ) as Linter.RulesRecord;
  return [
    {
      name: 'aws-credentials/scan/javascript',
      files: ['**/*.js', '**/*.mjs', '**/*.jsx'],
      languageOptions: { ecmaVersion: 'latest', sourceType: 'module', parserOptions: { ecmaFeatures: { jsx: true } } },
    },
    {
      name: 'aws-credentials/scan/commonjs',
      files: ['**/*.cjs'],
      languageOptions: { ecmaVersion: 'latest', sourceType: 'commonjs', parserOptions: { ecmaFeatures: { jsx: true } } },
    },
    {
      name: 'aws-credentials/scan/typescript',
      files: ['**/*.ts', '**/*.tsx', '**/*.mts', '**/*.cts'],
      languageOptions: { parser: tsParser as Linter.Parser, sourceType: 'module' },
    },
    {
      name: 'aws-credentials/scan/rules',
      files: ['**/*.js', '**/*.mjs', '**/*.cjs', '**/*.jsx', '**/*.ts', '**/*.tsx', '**/*.mts', '**/*.cts'],
      plugins: { [meta.namespace]: plugin as unknown as NonNullable<Linter.Config['plugins']>[string] },
      linterOptions: { reportUnusedDisableDirectives: 'off' },
      rules,
    },
  ];
}
