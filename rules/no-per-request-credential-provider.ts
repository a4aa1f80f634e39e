import { createRule } from '../src/rules-support/create-rule.js';
import {
  analysisOptionsSchema,
  reportSites,
  SUGGESTION_MESSAGES,
  type AnalysisRuleOptions,
  type SuggestionMessageId,
} from '../src/rules-support/sites.js';
import { toggleDefaults, toggleSchema, type ToggleOptions } from '../src/rules-support/selection.js';

const RULE_NAME = 'no-per-request-credential-provider';

export type Options = [AnalysisRuleOptions & ToggleOptions<typeof RULE_NAME>];

export type MessageIds = 'providerPerInvocation' | 'v2CredentialsPerInvocation' | 'mskTokenPerInvocation' | 'factoryPerInvocation' | SuggestionMessageId;

export default createRule<Options, MessageIds>({
  name: RULE_NAME,
  meta: {
    type: 'problem',
    docs: {
      description: 'Disallow creating AWS credential providers on every request, call or render',
      dialects: ['javascript', 'typescript'],
      recommended: true,
    },
    hasSuggestions: true,
    languages: ['js/js'],
    defaultOptions: [toggleDefaults(RULE_NAME)],
    messages: {
      providerPerInvocation:
        '`{{name}}` is created each time the {{context}} runs, costing {{cost}} per request; create it once with cacheCredentials() or sharedCredentials(key, …).',
      v2CredentialsPerInvocation:
        '`{{name}}` credentials are created each time the {{context}} runs, costing {{cost}} per request; create them once, or use toV2Credentials(sharedCredentials(key, …)).',
      mskTokenPerInvocation:
        '`{{name}}` builds a new credential provider each time the {{context}} runs, costing {{cost}} per token; pass a shared cacheCredentials() provider to generateAuthTokenFromCredentialsProvider.',
      factoryPerInvocation:
        '`{{name}}()` builds `{{api}}` at {{where}} on every call, and this {{context}} calls it per request, costing {{cost}} each time; make `{{name}}` keep what it builds (sharedCredentials(key, …)).',
      ...SUGGESTION_MESSAGES,
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
