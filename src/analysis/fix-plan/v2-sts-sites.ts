// SDK v2 STS calls (`await sts.assumeRole(params).promise()` ...) planned from the sites findSites
// produced: site detection (sites.ts) reports them with a placeholder manual plan, and this step
// replaces it with the plan of sts-call-cache, or the reason there is none. Transitional: once
// sites.ts calls `v2StsCallPlan` itself (one line in visitMaybeStsMethod), this step goes away.
import { V2_STS_CALL } from '../../catalog/index.js';
import { Scopes } from '../scopes.js';
import type { AnalysisInput, AnalysisOptions, FixPlan, Site } from '../types.js';
import { DEFAULT_RUNTIME_MODULE } from '../types.js';
import { NameAllocator } from './names.js';
import { type PlanContext, manual } from './plans.js';
import { cachedStsCallPlan, v2StsCall } from './sts-call-cache.js';
import type { TSESTree } from '@typescript-eslint/utils';

/** The plan for a v2 STS method call (the node sites.ts reports). */
function v2StsCallPlan(call: TSESTree.CallExpression, context: PlanContext): FixPlan {
  const found = v2StsCall(call);
  return 'reason' in found ? manual(`${found.reason}.`) : cachedStsCallPlan(found, context);
}

export function planV2StsCalls(sites: Site[], input: AnalysisInput, options: AnalysisOptions): Site[] {
  const v2 = sites.filter((site) => site.entry === V2_STS_CALL && site.fix.kind === 'manual' && site.node.type === 'CallExpression');
  if (v2.length === 0) return sites;
  const scopes = new Scopes(input.scopeManager);
  // Names no other plan of the file uses: every word their edits write is taken.
  const taken = scopes.allNames();
  for (const site of sites) {
    if (site.fix.kind === 'manual') continue;
    for (const edit of site.fix.edits) for (const word of edit.text.match(/[A-Za-z_$][\w$]*/g) ?? []) taken.add(word);
  }
  const context: PlanContext = {
    program: input.ast,
    text: input.text,
    scopes,
    names: new NameAllocator(taken),
    runtimeModule: options.runtimeModule ?? DEFAULT_RUNTIME_MODULE,
    availableModules: new Set(options.availableModules ?? []),
    isAllowedCall: () => false,
  };
  return sites.map((site) => (v2.includes(site) ? { ...site, fix: v2StsCallPlan(site.node as TSESTree.CallExpression, context) } : site));
}
