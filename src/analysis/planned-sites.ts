// findSites as the rules and codemods call it: the sites of sites.ts, with the fix plans that are
// made from its site objects afterwards (SDK v2 STS calls, see fix-plan/v2-sts-sites.ts).
//
// Transitional, until site detection knows it: a call inside the source a runtime factory
// returns (`sharedCredentials(key, () => async () => { …call… })`, the keyed STS rewrite) runs
// once per refresh of that entry, not per request, so it is not a site.
import type { TSESTree } from '@typescript-eslint/utils';
import { RUNTIME_WRAPPERS } from '../catalog/runtime.js';
import { findSites as detectSites } from './sites.js';
import { planV2StsCalls } from './fix-plan/v2-sts-sites.js';
import type { AnalysisInput, AnalysisOptions, Site } from './types.js';
import { dottedName, isFunction } from './walk.js';

export function findSites(input: AnalysisInput, options: AnalysisOptions = {}): Site[] {
  const sites = detectSites(input, options).filter((site) => !insideRuntimeSource(site.node));
  return planV2StsCalls(sites, input, options);
}

/** `node` is inside `async () => {…}` returned by the factory argument of a runtime wrapper call. */
function insideRuntimeSource(node: TSESTree.Node): boolean {
  for (let current = node.parent; current; current = current.parent) {
    if (!isFunction(current)) continue;
    const factory = current.parent;
    if (factory?.type !== 'ArrowFunctionExpression' || factory.body !== current) continue;
    const call = factory.parent;
    if (call?.type === 'CallExpression' && call.arguments.includes(factory) && RUNTIME_WRAPPERS.has(dottedName(call.callee)?.split('.').pop() ?? '')) return true;
  }
  return false;
}
