// The rule set each transform applies. One transform per rule, plus `all`.
import type { RuleName } from '../analysis/types.js';

export const ALL_RULES: readonly RuleName[] = [
  'no-per-request-credential-provider',
  'no-per-request-client',
  'no-per-request-sts-call',
  'no-frozen-credentials',
];

/** Transform folder name -> the rules it applies. */
export const TRANSFORM_RULES = {
  'credential-providers': ['no-per-request-credential-provider'],
  'sdk-clients': ['no-per-request-client'],
  'sts-calls': ['no-per-request-sts-call'],
  'frozen-credentials': ['no-frozen-credentials'],
  all: ALL_RULES,
} as const satisfies Record<string, readonly RuleName[]>;

export type TransformName = keyof typeof TRANSFORM_RULES;

export const TRANSFORM_NAMES = Object.keys(TRANSFORM_RULES) as TransformName[];
