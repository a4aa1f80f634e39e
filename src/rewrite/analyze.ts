// One analysis of one text for the codemods: the parse (kept, for scope questions) and the sites of
// the selected rules.
import { findSites, parseSource } from '../analysis/index.js';
import type { Parsed } from '../analysis/parse.js';
import { MODULE_FRAGMENTS } from '../catalog/index.js';
import { DEFAULT_RUNTIME_MODULE, type AnalysisOptions, type RuleName, type Site } from '../analysis/types.js';

export interface Analysis {
  /** Undefined when the text mentions no AWS module: nothing to find, so it is not parsed. */
  readonly parsed: Parsed | undefined;
  readonly sites: Site[];
}

/** Could the text reach a catalog API at all? (The analysis' own pre-check, before the parse.) */
export function mayHaveSites(text: string, runtimeModule: string): boolean {
  return MODULE_FRAGMENTS.some(fragment => text.includes(fragment)) || text.includes(runtimeModule);
}

/** Throws (with `file:line:col`) when the text does not parse. */
export function analyze(text: string, filename: string, rules: ReadonlySet<RuleName>, options: AnalysisOptions): Analysis {
  if (!mayHaveSites(text, options.runtimeModule ?? DEFAULT_RUNTIME_MODULE)) return { parsed: undefined, sites: [] };
  const parsed = parseSource(text, filename);
  const sites = findSites({ ast: parsed.ast, scopeManager: parsed.scopeManager, text, filename }, options).filter(site => rules.has(site.rule));
  return { parsed, sites };
}

/** Names the code reads that no scope declares (globals), to catch a rewrite that moves a name out of its scope. */
export function undeclaredNames(parsed: Parsed | undefined): Set<string> {
  const names = new Set<string>();
  if (!parsed) return names;
  const global = parsed.scopeManager.globalScope as { through?: readonly { identifier: { name: string } }[] };
  for (const reference of global.through ?? []) names.add(reference.identifier.name);
  return names;
}
