// One analysis of one text for the codemods: the parse (kept, for scope questions) and the sites
// selected the way the rules select them (the same config and options as `scan`), with the same
// cross-file knowledge (src/project) the rules use.
import { isAbsolute, resolve } from 'node:path';
import { findSites, parseSource } from '../analysis/index.js';
import type { Parsed } from '../analysis/parse.js';
import { mentionsAws } from '../catalog/index.js';
import { DEFAULT_RUNTIME_MODULE, type AnalysisOptions, type Site } from '../analysis/types.js';
import { bundledApartReason, isLambdaPackage, lookupFor, projectPathOf } from '../project/index.js';

export interface Analysis {
  /** Undefined when the text mentions no AWS module: nothing to find, so it is not parsed. */
  readonly parsed: Parsed | undefined;
  readonly sites: Site[];
}

/** A project import that cross-file analysis may follow (relative, or a bare name that could be a workspace package). */
const PROJECT_IMPORT = /\b(?:from|require|import)\s*\(?\s*['"](\.{1,2}\/|[^'"./][^'"]*\/)/;

/** Could the text reach a catalog API at all, here or through a project import? (Before the parse.) */
function mayHaveSites(text: string, runtimeModule: string, crossFile = false): boolean {
  return mentionsAws(text) || text.includes(runtimeModule) || (crossFile && PROJECT_IMPORT.test(text));
}

export interface AnalyzeOptions extends AnalysisOptions {
  /** Which sites count (the rules' selection for the chosen config); all when absent. */
  readonly select?: (site: Site) => boolean;
  /** Follow project imports as the rules do (default true for absolute paths). */
  readonly crossFile?: boolean;
}

/** Throws (with `file:line:col`) when the text does not parse. */
export function analyze(text: string, filename: string, options: AnalyzeOptions): Analysis {
  const absolute = isAbsolute(filename) ? filename : resolve(filename);
  const crossFile = options.crossFile !== false;
  if (!mayHaveSites(text, options.runtimeModule ?? DEFAULT_RUNTIME_MODULE, crossFile)) return { parsed: undefined, sites: [] };
  const parsed = parseSource(text, filename);
  const { select, crossFile: _crossFile, ...analysisOptions } = options;
  const bundledApart = bundledApartReason(absolute, options.runtimeModule ?? DEFAULT_RUNTIME_MODULE);
  const found = findSites(
    { ast: parsed.ast, scopeManager: parsed.scopeManager, text, filename, projectPath: projectPathOf(absolute) },
    { ...analysisOptions, ...(crossFile ? { project: lookupFor(absolute) } : {}), ...(isLambdaPackage(absolute) ? { lambdaPackage: true } : {}), ...(bundledApart ? { bundledApart } : {}) },
  );
  return { parsed, sites: select ? found.filter(select) : found };
}

/** Names the code reads that no scope declares (globals), to catch a rewrite that moves a name out of its scope. */
export function undeclaredNames(parsed: Parsed | undefined): Set<string> {
  const names = new Set<string>();
  if (!parsed) return names;
  const global = parsed.scopeManager.globalScope as { through?: readonly { identifier: { name: string } }[] };
  for (const reference of global.through ?? []) names.add(reference.identifier.name);
  return names;
}
