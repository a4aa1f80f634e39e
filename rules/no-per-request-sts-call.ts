import { createRule } from '../src/rules-support/create-rule.js';
import {
  analysisOptionsSchema,
  reportSites,
  SUGGESTION_MESSAGES,
  type AnalysisRuleOptions,
  type SuggestionMessageId,
} from '../src/rules-support/sites.js';
import { toggleDefaults, toggleSchema, type ToggleOptions } from '../src/rules-support/selection.js';

const RULE_NAME = 'no-per-request-sts-call';

export type Options = [AnalysisRuleOptions & ToggleOptions<typeof RULE_NAME>];

export type MessageIds = 'credentialsCallPerInvocation' | 'factoryPerInvocation' | SuggestionMessageId;

export default createRule<Options, MessageIds>({
  name: RULE_NAME,
  meta: {
    type: 'problem',
    docs: {
      description: 'Disallow calling STS, SSO or Cognito for credentials on every request',
      dialects: ['javascript', 'typescript'],
      recommended: true,
    },
    hasSuggestions: true,
    languages: ['js/js'],
    defaultOptions: [toggleDefaults(RULE_NAME)],
    messages: {
      credentialsCallPerInvocation:
        '`{{name}}` runs each time the {{context}} runs, costing {{cost}} per request for credentials valid up to an hour; use a shared cacheCredentials(fromTemporaryCredentials(…)) or sharedCredentials(key, …).',
      factoryPerInvocation:
        '`{{name}}()` calls `{{api}}` at {{where}} on every call, and this {{context}} calls it per request, costing {{cost}} each time; make `{{name}}` keep the credentials (sharedCredentials(key, …)).',
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
