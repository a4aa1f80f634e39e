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
    /** Report clients created per request without `credentials` (each runs the default chain). */
    checkDefaultChain?: boolean;
    /** Report clients created per request around a shared provider that does not cache by itself. */
    checkUncachedProvider?: boolean;
  },
];

export type MessageIds = 'clientDefaultChainPerInvocation' | 'clientUncachedProviderPerInvocation' | SuggestionMessageId;

export const RULE_NAME = 'no-per-request-client';

export default createRule<Options, MessageIds>({
  name: RULE_NAME,
  meta: {
    type: 'problem',
    docs: {
      description: 'Disallow creating AWS SDK clients on every request when each new client fetches credentials again',
      dialects: ['javascript', 'typescript'],
      recommended: false,
    },
    hasSuggestions: true,
    languages: ['js/js'],
    defaultOptions: [{ checkDefaultChain: true, checkUncachedProvider: true }],
    messages: {
      clientDefaultChainPerInvocation:
        '`{{name}}` is created each time the {{context}} runs without `credentials`, so every new client runs the default credential chain again: {{cost}} per request; on ECS and EC2 the credentials endpoint then throttles and requests fail with "unable to sign request without credentials set". Create the client once at module scope, or pass it a shared provider from cacheCredentials().',
      clientUncachedProviderPerInvocation:
        '`{{name}}` is created each time the {{context}} runs, and every client caches its `credentials` only for itself, so each new client makes {{cost}} even though the provider is shared. Create the client once at module scope, or wrap the provider in cacheCredentials() so all clients share one cache.',
      ...SUGGESTION_MESSAGES,
    },
    schema: [
      {
        type: 'object',
        additionalProperties: false,
        properties: {
          ...analysisOptionsSchema,
          checkDefaultChain: {
            type: 'boolean',
            description: 'Report SDK v3 clients created per request without `credentials` (each one runs the default credential chain).',
          },
          checkUncachedProvider: {
            type: 'boolean',
            description: 'Report SDK v3 clients created per request around a module-scope provider that does not cache by itself (`fromContainerMetadata`, `fromTemporaryCredentials` …).',
          },
        },
      },
    ],
  },
  create(context, [options]) {
    return reportSites(context, RULE_NAME, options, site => {
      if (site.messageId === 'clientDefaultChainPerInvocation') return options.checkDefaultChain !== false;
      if (site.messageId === 'clientUncachedProviderPerInvocation') return options.checkUncachedProvider !== false;
      return true;
    });
  },
});
