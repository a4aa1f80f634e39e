import { createRule } from '../src/rules-support/create-rule.js';
import {
  analysisOptionsSchema,
  reportSites,
  SUGGESTION_MESSAGES,
  type AnalysisRuleOptions,
  type SuggestionMessageId,
} from '../src/rules-support/sites.js';

export type Options = [AnalysisRuleOptions];

export type MessageIds = 'credentialsCallPerInvocation' | SuggestionMessageId;

export const RULE_NAME = 'no-per-request-sts-call';

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
    defaultOptions: [{}],
    messages: {
      credentialsCallPerInvocation:
        '`{{name}}` runs each time the {{context}} runs: {{cost}} per request, for credentials that stay valid for up to an hour, so STS throttles, every request waits, and CloudTrail bills each call. Use a module-scope cacheCredentials(fromTemporaryCredentials(…)) provider, or sharedCredentials(key, …) keyed by the role when it varies per request.',
      ...SUGGESTION_MESSAGES,
    },
    schema: [
      {
        type: 'object',
        additionalProperties: false,
        properties: { ...analysisOptionsSchema },
      },
    ],
  },
  create(context, [options]) {
    return reportSites(context, RULE_NAME, options);
  },
});
