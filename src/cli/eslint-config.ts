// The flat config `scan` lints with, so it works in a repository without any ESLint config:
// espree for JavaScript the way Node loads it (.mjs a module, .cjs CommonJS with top-level
// `return`, .js/.jsx a module or else a sloppy-mode script), @typescript-eslint/parser for
// TypeScript, the plugin's rules.
import tsParser from '@typescript-eslint/parser';
import type { Linter } from 'eslint';
import plugin, { configRules, meta, type ConfigName } from '../index.js';
import { nodeJsParser } from './node-js-parser.js';

export interface ScanConfigOptions {
  readonly config: ConfigName;
  readonly memoizers?: readonly string[];
}

/** The config's rules with their own options (strict's `checkLambdaDefaultChain` …), plus `--memoizers`: what scan lints with and fix selects by. */
export function ruleSettings(options: ScanConfigOptions): Linter.RulesRecord {
  const memoizers = options.memoizers && options.memoizers.length > 0 ? { memoizers: [...options.memoizers] } : {};
  return Object.fromEntries(
    Object.entries(configRules[options.config]).map(([id, setting]) => {
      const own = Array.isArray(setting) ? (setting[1] as Record<string, unknown> | undefined) : undefined;
      const merged = { ...own, ...memoizers };
      return [id, Object.keys(merged).length > 0 ? ['error', merged] : ['error']];
    }),
  ) as Linter.RulesRecord;
}

export function scanConfig(options: ScanConfigOptions): Linter.Config[] {
  const rules = ruleSettings(options);
  return [
    {
      name: 'aws-credentials/scan/javascript',
      files: ['**/*.js', '**/*.jsx', '**/*.mjs', '**/*.cjs'],
      languageOptions: { ecmaVersion: 'latest', parser: nodeJsParser },
    },
    {
      name: 'aws-credentials/scan/commonjs',
      files: ['**/*.cjs'],
      languageOptions: { sourceType: 'commonjs' },
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
