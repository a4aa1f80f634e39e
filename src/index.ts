// The ESLint plugin object: meta, the rules, and flat configs derived from each rule's
// `meta.docs.recommended` (recommended: the high-precision set for pull-request checks; strict: all),
// each carrying the files it lints and the parser for TypeScript.
import * as tsParser from '@typescript-eslint/parser';
import type { TSESLint } from '@typescript-eslint/utils';
import noFrozenCredentials from '../rules/no-frozen-credentials.js';
import noPerRequestClient from '../rules/no-per-request-client.js';
import noPerRequestCredentialProvider from '../rules/no-per-request-credential-provider.js';
import noPerRequestStsCall from '../rules/no-per-request-sts-call.js';

export const JAVASCRIPT_FILES = ['**/*.js', '**/*.cjs', '**/*.mjs', '**/*.jsx'] as const;
export const TYPESCRIPT_FILES = ['**/*.ts', '**/*.cts', '**/*.mts', '**/*.tsx'] as const;

/** Kept in step with package.json by test/rules/plugin.test.ts (no JSON import: the CJS build can't). */
export const meta = {
  name: 'eslint-plugin-aws-credentials',
  version: '0.1.0',
  namespace: 'aws-credentials',
} as const;

export const rules = {
  'no-per-request-credential-provider': noPerRequestCredentialProvider,
  'no-per-request-client': noPerRequestClient,
  'no-per-request-sts-call': noPerRequestStsCall,
  'no-frozen-credentials': noFrozenCredentials,
} satisfies Record<string, TSESLint.RuleModule<string, readonly unknown[], { recommended: boolean }>>;

export type RuleId = keyof typeof rules;
export type ConfigName = 'recommended' | 'strict';
/** The plugin's configs: `recommended`, `strict`, and `recommended` with typed linting on (both spellings). */
export type PluginConfigName = ConfigName | 'recommended-type-checked' | 'recommendedTypeChecked';

const ruleIds = Object.keys(rules) as RuleId[];

/** What `strict` turns on beyond each rule's defaults. */
const STRICT_OPTIONS: Partial<Record<RuleId, Record<string, unknown>>> = {
  'no-per-request-client': { checkLambdaDefaultChain: true },
};

function rulesWhere(include: (id: RuleId) => boolean, options: Partial<Record<RuleId, Record<string, unknown>>> = {}): TSESLint.FlatConfig.Rules {
  const entries = ruleIds.filter(include).map(id => [`${meta.namespace}/${id}`, (options[id] ? ['error', options[id]] : 'error') as TSESLint.FlatConfig.RuleEntry]);
  return Object.fromEntries(entries);
}

/** The rules each config turns on (what `scan --config <name>` runs). */
export const configRules: Record<ConfigName, TSESLint.FlatConfig.Rules> = {
  recommended: rulesWhere(id => rules[id].meta.docs?.recommended === true),
  strict: rulesWhere(() => true, STRICT_OPTIONS),
};

const plugin = {
  meta,
  rules,
  configs: {} as Record<PluginConfigName, TSESLint.FlatConfig.ConfigArray>,
} satisfies TSESLint.FlatConfig.Plugin;

/**
 * Each config is a list, so it works as pasted into `defineConfig()`: the rules on every JS/TS
 * extension (ESLint alone lints only .js/.mjs/.cjs), JSX on in .jsx, and
 * @typescript-eslint/parser (a dependency of this package) for TypeScript files. Without the
 * `files`, a project pasting a config would silently lint no TypeScript at all.
 */
function flatConfig(name: ConfigName, configName: string = name, typeChecked = false): TSESLint.FlatConfig.ConfigArray {
  return [
    {
      name: `${meta.namespace}/${configName}`,
      files: [...JAVASCRIPT_FILES, ...TYPESCRIPT_FILES],
      plugins: { [meta.namespace]: plugin },
      rules: configRules[name],
    },
    {
      name: `${meta.namespace}/${configName}/jsx`,
      files: ['**/*.jsx'],
      languageOptions: { parserOptions: { ecmaFeatures: { jsx: true } } },
    },
    {
      name: `${meta.namespace}/${configName}/typescript`,
      files: [...TYPESCRIPT_FILES],
      // Typed linting: each file's nearest tsconfig.json gives the program the rules resolve callees with.
      languageOptions: typeChecked ? { parser: tsParser, parserOptions: { projectService: true } } : { parser: tsParser },
    },
  ];
}

/**
 * `recommended` with typed linting on for TypeScript files (`parserOptions.projectService`): the
 * checker resolves the callees the syntax cannot (README, "Type-aware mode"). Nothing requires it.
 */
const recommendedTypeChecked = flatConfig('recommended', 'recommended-type-checked', true);

export const configs: Record<PluginConfigName, TSESLint.FlatConfig.ConfigArray> = {
  recommended: flatConfig('recommended'),
  strict: flatConfig('strict'),
  'recommended-type-checked': recommendedTypeChecked,
  recommendedTypeChecked,
};
plugin.configs = configs;

export default plugin;
