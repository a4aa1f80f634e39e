// The fix plan of an SDK v2 STS method call (`await sts.assumeRole(params).promise()` ...) that
// sites.ts reports: the plan of sts-call-cache, or the reason there is none.
import type { TSESTree } from '@typescript-eslint/utils';
import type { FixPlan } from '../types.js';
import { type PlanContext, manual } from './plans.js';
import { cachedStsCallPlan, v2StsCall } from './sts-call-cache.js';

export function v2StsCallPlan(call: TSESTree.CallExpression, context: PlanContext): FixPlan {
  const found = v2StsCall(call);
  return 'reason' in found ? manual(`${found.reason}.`) : cachedStsCallPlan(found, context);
}
