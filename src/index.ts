// The ESLint plugin object: meta, the rules, and flat configs derived from each rule's
// `meta.docs.recommended` (recommended: the high-precision set for pull-request checks; strict: all).
import type { TSESLint } from '@typescript-eslint/utils';
import noFrozenCredentials from '../rules/no-frozen-credentials.js';
import noPerRequestClient from '../rules/no-per-request-client.js';
import noPerRequestCredentialProvider from '../rules/no-per-request-credential-provider.js';
import noPerRequestStsCall from '../rules/no-per-request-sts-call.js';

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

const ruleIds = Object.keys(rules) as RuleId[];

/** What `strict` turns on beyond each rule's defaults. */
const STRICT_OPTIONS: Partial<Record<RuleId, Record<string, unknown>>> = {
  'no-per-request-client': { checkLambdaDefaultChain: true },
};

function rulesWhere(include: (id: RuleId) => boolean, options: Partial<Record<RuleId, Record<string, unknown>>> = {}): TSESLint.FlatConfig.Rules {
  const entries = ruleIds.filter(include).map(id => [`${meta.namespace}/${id}`, (options[id] ? ['error', options[id]] : 'error') as TSESLint.FlatConfig.RuleEntry]);
  return Object.fromEntries(entries);
}

const plugin = {
  meta,
  rules,
  configs: {} as Record<ConfigName, TSESLint.FlatConfig.Config>,
} satisfies TSESLint.FlatConfig.Plugin;

export const configs: Record<ConfigName, TSESLint.FlatConfig.Config> = {
  recommended: {
    name: `${meta.namespace}/recommended`,
    plugins: { [meta.namespace]: plugin },
    rules: rulesWhere(id => rules[id].meta.docs?.recommended === true),
  },
  strict: {
    name: `${meta.namespace}/strict`,
    plugins: { [meta.namespace]: plugin },
    rules: rulesWhere(() => true, STRICT_OPTIONS),
  },
};
plugin.configs = configs;

export default plugin;
