import { createRule } from '../src/rules-support/create-rule.js';
import {
  analysisOptionsSchema,
  reportSites,
  SUGGESTION_MESSAGES,
  type AnalysisRuleOptions,
  type SuggestionMessageId,
} from '../src/rules-support/sites.js';
import { toggleDefaults, toggleSchema, type ToggleOptions } from '../src/rules-support/selection.js';

const RULE_NAME = 'no-frozen-credentials';

export type Options = [AnalysisRuleOptions & ToggleOptions<typeof RULE_NAME>];

export type MessageIds =
  | 'providerInvokedOnce'
  | 'awaitedCredentialsFrozen'
  | 'globalCredentialsPerInvocation'
  | SuggestionMessageId;

export default createRule<Options, MessageIds>({
  name: RULE_NAME,
  meta: {
    type: 'problem',
    docs: {
      description: 'Disallow resolving a credential provider once and using its result as static credentials',
      dialects: ['javascript', 'typescript'],
      recommended: true,
    },
    hasSuggestions: true,
    languages: ['js/js'],
    defaultOptions: [toggleDefaults(RULE_NAME)],
    messages: {
      providerInvokedOnce:
        '`{{name}}` is resolved once here and its result is used as static credentials, which never refresh: once they expire, every call fails with ExpiredToken until the process restarts. Pass the provider itself (`credentials: provider`), wrapped in cacheCredentials() to share it.',
      awaitedCredentialsFrozen:
        'Credentials awaited once from `{{name}}` are passed on as a static object, which never refreshes: once they expire, every call fails with ExpiredToken until the process restarts. Pass the provider function instead, wrapped in cacheCredentials() to share it.',
      globalCredentialsPerInvocation:
        '`AWS.config.credentials` is replaced with `{{name}}` each time the {{context}} runs: {{cost}} per request, and concurrent requests overwrite each other\'s credentials. Set it once at startup, or pass `credentials` to each client.',
      ...SUGGESTION_MESSAGES,
      // Here the fix is not a move but passing the provider itself.
      suggestHoist: 'Fix: {{description}}',
    },
    schema: [
      {
        type: 'object',
        additionalProperties: false,
        properties: { ...analysisOptionsSchema, ...toggleSchema(RULE_NAME) },
      },
    ],
  },
  create(context, [options]) {
    return reportSites(context, RULE_NAME, options);
  },
});
