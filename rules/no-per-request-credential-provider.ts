import { createRule } from '../src/rules-support/create-rule.js';
import {
  analysisOptionsSchema,
  reportSites,
  SUGGESTION_MESSAGES,
  type AnalysisRuleOptions,
  type SuggestionMessageId,
} from '../src/rules-support/sites.js';

export type Options = [
  AnalysisRuleOptions & {
    /** Report SDK v2 credentials classes (`new AWS.TemporaryCredentials()` ...) built per request. */
    checkV2Credentials?: boolean;
    /** Report `aws-msk-iam-sasl-signer-js` `generateAuthToken*` calls, which build a provider per call. */
    checkMskTokens?: boolean;
  },
];

export type MessageIds =
  | 'providerPerInvocation'
  | 'v2CredentialsPerInvocation'
  | 'mskTokenPerInvocation'
  | SuggestionMessageId;

export const RULE_NAME = 'no-per-request-credential-provider';

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
    defaultOptions: [{ checkV2Credentials: true, checkMskTokens: true }],
    messages: {
      providerPerInvocation:
        '`{{name}}` is created each time the {{context}} runs, so every request makes {{cost}}, where one shared instance fetches about once per credential lifetime. Create it once at module scope wrapped in cacheCredentials(), or use sharedCredentials(key, …) when its inputs vary per request.',
      v2CredentialsPerInvocation:
        '`{{name}}` credentials are created each time the {{context}} runs, so every request makes {{cost}}, where one shared instance fetches about once per credential lifetime. Create them once at module scope, or use toV2Credentials(sharedCredentials(key, …)) when their inputs vary per request.',
      mskTokenPerInvocation:
        '`{{name}}` builds a new credential provider on every call, and it runs each time the {{context}} runs (every KafkaJS connection and re-authentication), so each makes {{cost}}. Pass a module-scope cacheCredentials() provider to generateAuthTokenFromCredentialsProvider instead.',
      ...SUGGESTION_MESSAGES,
    },
    schema: [
      {
        type: 'object',
        additionalProperties: false,
        properties: {
          ...analysisOptionsSchema,
          checkV2Credentials: {
            type: 'boolean',
            description: 'Report SDK v2 credentials classes (`new AWS.TemporaryCredentials()`, `new AWS.ECSCredentials()` …) created per request.',
          },
          checkMskTokens: {
            type: 'boolean',
            description: 'Report `aws-msk-iam-sasl-signer-js` `generateAuthToken*` calls, which build a credential provider on every call.',
          },
        },
      },
    ],
  },
  create(context, [options]) {
    return reportSites(context, RULE_NAME, options, site => {
      if (site.messageId === 'v2CredentialsPerInvocation') return options.checkV2Credentials !== false;
      if (site.messageId === 'mskTokenPerInvocation') return options.checkMskTokens !== false;
      return true;
    });
  },
});
