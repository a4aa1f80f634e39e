import { createRule } from '../src/rules-support/create-rule.js';
import {
  analysisOptionsSchema,
  reportSites,
  SUGGESTION_MESSAGES,
  type AnalysisRuleOptions,
  type SuggestionMessageId,
} from '../src/rules-support/sites.js';
import { toggleDefaults, toggleSchema, type ToggleOptions } from '../src/rules-support/selection.js';

const RULE_NAME = 'no-per-request-client';

export type Options = [AnalysisRuleOptions & ToggleOptions<typeof RULE_NAME>];

export type MessageIds = 'clientDefaultChainPerInvocation' | 'clientDefaultChainInLambda' | 'clientUncachedProviderPerInvocation' | 'factoryPerInvocation' | SuggestionMessageId;

export default createRule<Options, MessageIds>({
  name: RULE_NAME,
  meta: {
    type: 'problem',
    docs: {
      description: 'Disallow creating AWS SDK clients on every request when each new client fetches credentials again',
      dialects: ['javascript', 'typescript'],
      recommended: true,
    },
    hasSuggestions: true,
    languages: ['js/js'],
    defaultOptions: [toggleDefaults(RULE_NAME)],
    messages: {
      clientDefaultChainPerInvocation:
        '`{{name}}` is created without `credentials` each time the {{context}} runs, so each client runs the default chain again ({{cost}}); create it once, or pass it a shared cacheCredentials() provider.',
      clientDefaultChainInLambda:
        '`{{name}}` is created without `credentials` on every invocation of the {{context}}, repeating client set-up and the default chain; create it once outside the handler.',
      clientUncachedProviderPerInvocation:
        '`{{name}}` is created each time the {{context}} runs and caches its `{{provider}}` credentials only for itself, costing {{cost}} per client; create the client once, or wrap the provider in cacheCredentials().',
      factoryPerInvocation:
        '`{{name}}()` builds `{{api}}` at {{where}} on every call, and this {{context}} calls it per request, costing {{cost}} each time; make `{{name}}` keep the client it builds.',
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
