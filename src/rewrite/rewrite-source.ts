// The one rewrite every transform and the CLI share: analyze, apply the fix plans' text edits,
// and analyze again until nothing fixable is left (at most MAX_PASSES). Text edits only, so
// formatting, comments, quotes and the module style are untouched by construction.
//
// Safety net: a pass whose output reads a name that is declared nowhere the code now stands (a
// provider bound inside a function, hoisted out of it) is retried site by site; the sites that
// cause it are left for manual review with that reason, the others are applied.
import { applyFixes } from '../analysis/index.js';
import { importedModules } from '../analysis/fix-plan/imports.js';
import { parseSource } from '../analysis/index.js';
import type { RuleName, Site } from '../analysis/types.js';
import type { Declared } from '../analysis/fix-plan/apply.js';
import { analyze, undeclaredNames, type Analysis } from './analyze.js';
import { mapLine, sitePosition, type Position } from './location.js';
import { parseErrorOf, type SourceError } from './source-error.js';

const MAX_PASSES = 3;

export interface RewriteOptions {
  /** Rules whose sites are rewritten (and reported). */
  readonly rules: readonly RuleName[];
  /** The rules' own selection (config and options, as `scan` applies them); every site of `rules` when absent. */
  readonly select?: (site: Site) => boolean;
  /** Follow project imports as the rules do (default true). */
  readonly crossFile?: boolean;
  /** Module specifier the rewritten code imports the runtime from. */
  readonly runtimeModule?: string;
  /** Function names whose arguments run once. */
  readonly memoizers?: readonly string[];
  /** Modules the project can import (its dependencies): fixes may add imports of these. */
  readonly availableModules?: readonly string[];
  /** Lines (of `source`) where factories build what other modules' findings run per invocation: rewrite them too. */
  readonly definitionLines?: ReadonlySet<number>;
}

export interface SiteNote extends Position {
  readonly rule: RuleName;
  readonly name: string;
  /** `hoist` / `keyed` for rewritten sites; the reason for manual ones. */
  readonly detail: string;
  /** The creation inside a factory that callers in other files run per invocation (rewritten for them). */
  readonly atDefinition?: true;
  /** A cross-file finding: where its factory builds what it reports. */
  readonly definitions?: readonly { readonly file: string; readonly line: number }[];
}

export interface RewriteResult {
  /** The rewritten text, or the input unchanged (same string) when nothing applied or on error. */
  readonly text: string;
  readonly changed: boolean;
  /** Sites found in the input, for the per-rule counts (positions in the input). */
  readonly findings: readonly SiteNote[];
  /** Sites rewritten, over all passes (positions in the pass they were rewritten in). */
  readonly rewritten: readonly SiteNote[];
  /** Sites left for a human (positions in `text`). */
  readonly manual: readonly SiteNote[];
  /** The module-scope `const name = value` declarations the rewrite inserted, over all passes. */
  readonly declarations: readonly Declared[];
  /** The modules the input and `text` import (from the analysis' own parses), for package.json. */
  readonly imports: ModuleImports;
  /** Of the `definitionLines` asked for, those (lines of the input) still building per call after the rewrite. */
  readonly definitionsLeft?: ReadonlySet<number>;
  /** Set when the input does not parse, or the rewrite would not: `text` is then the input. */
  readonly error?: SourceError;
}

export interface ModuleImports {
  readonly before: ReadonlySet<string>;
  readonly after: ReadonlySet<string>;
}

const NO_IMPORTS: ModuleImports = { before: new Set(), after: new Set() };
const importsOf = (analysis: Analysis): ReadonlySet<string> => (analysis.parsed ? importedModules(analysis.parsed.ast) : new Set());

function noteOf(site: Site, text: string, detail: string): SiteNote {
  return {
    rule: site.rule,
    name: site.data.name ?? '',
    detail,
    ...sitePosition(site, text),
    ...(site.forCallersElsewhere ? { atDefinition: true as const } : {}),
    ...(site.definitions ? { definitions: site.definitions } : {}),
  };
}

/** Identity of a site across passes (its offsets move): rule, API and source text. */
function siteKey(site: Site, text: string): string {
  return `${site.rule}\u0000${site.data.name ?? ''}\u0000${text.slice(site.node.range[0], site.node.range[1])}`;
}

/** Names the fixed text reads without a declaration that the original text did not. */
function addedUndeclared(original: ReadonlySet<string>, text: string, filename: string): string[] | undefined {
  try {
    return [...undeclaredNames(parseSource(text, filename))].filter(name => !original.has(name));
  } catch {
    return undefined; // does not parse: handled by the caller's re-analysis
  }
}

export function rewriteSource(source: string, filename: string, options: RewriteOptions): RewriteResult {
  const rules = new Set(options.rules);
  const analysisOptions = {
    ...(options.runtimeModule ? { runtimeModule: options.runtimeModule } : {}),
    ...(options.memoizers && options.memoizers.length > 0 ? { memoizers: options.memoizers } : {}),
    ...(options.availableModules ? { availableModules: options.availableModules } : {}),
  };
  const select = (site: Site): boolean => rules.has(site.rule) && (options.select?.(site) ?? true);
  const run = (text: string, definitionLines?: ReadonlySet<number>): Analysis =>
    analyze(text, filename, { ...analysisOptions, select, ...(options.crossFile === false ? { crossFile: false } : {}), ...(definitionLines ? { definitionLines } : {}) });

  let analysis: Analysis;
  try {
    analysis = run(source, options.definitionLines);
  } catch (error) {
    return { text: source, changed: false, findings: [], rewritten: [], manual: [], declarations: [], imports: NO_IMPORTS, error: { ...parseErrorOf(error, filename, source), unparsable: true } };
  }
  const declaredNowhere = undeclaredNames(analysis.parsed);
  const importsBefore = importsOf(analysis);
  // What scan reports: not the creations planned for callers elsewhere (their findings are those callers').
  const findings = analysis.sites.filter(site => !site.forCallersElsewhere).map(site => noteOf(site, source, site.fix.kind === 'manual' ? site.fix.reason : site.fix.kind));
  const rejected = new Map<string, string>();
  const rewritten: SiteNote[] = [];
  const declarations: Declared[] = [];
  let text = source;
  // Lines of `source`, carried to each pass's text (a fix nested in another lands in a later pass).
  let definitionLines = options.definitionLines;
  for (let pass = 1; pass <= MAX_PASSES; pass += 1) {
    let fixable = analysis.sites.filter(site => site.fix.kind !== 'manual' && !rejected.has(siteKey(site, text)));
    if (fixable.length === 0) break;
    let result = applyFixes(text, fixable);
    if (result.text === text) break;
    if ((addedUndeclared(declaredNowhere, result.text, filename) ?? []).length > 0) {
      for (const site of fixable) {
        const alone = addedUndeclared(declaredNowhere, applyFixes(text, [site]).text, filename) ?? [];
        if (alone.length > 0) {
          rejected.set(siteKey(site, text), `not rewritten: the fix would use ${alone.map(name => `\`${name}\``).join(', ')} where it is not declared`);
        }
      }
      fixable = fixable.filter(site => !rejected.has(siteKey(site, text)));
      if (fixable.length === 0) break;
      result = applyFixes(text, fixable);
      if (result.text === text || (addedUndeclared(declaredNowhere, result.text, filename) ?? []).length > 0) break;
    }
    for (const site of result.applied) rewritten.push(noteOf(site, text, site.fix.kind));
    declarations.push(...result.declared);
    const before = text;
    text = result.text;
    if (definitionLines) definitionLines = new Set([...definitionLines].map(line => mapLine(before, text, line)));
    try {
      analysis = run(text, definitionLines);
    } catch (error) {
      // Never hand back a half-written file: the input stays as it was.
      const cause = parseErrorOf(error, filename, text);
      return {
        text: source,
        changed: false,
        findings,
        rewritten: [],
        manual: [],
        declarations: [],
        imports: { before: importsBefore, after: importsBefore },
        error: { ...cause, message: `the rewrite would not parse (${cause.message}); file left unchanged` },
      };
    }
  }
  const manual = analysis.sites.filter(site => !site.forCallersElsewhere).map(site =>
    noteOf(
      site,
      text,
      site.fix.kind === 'manual' ? site.fix.reason : (rejected.get(siteKey(site, text)) ?? `${site.fix.kind} fix could not be applied automatically`),
    ),
  );
  const definitionsLeft = new Set(analysis.sites.filter(site => site.forCallersElsewhere).map(site => mapLine(text, source, site.node.loc.start.line)));
  return { text, changed: text !== source, findings, rewritten, manual, declarations, imports: { before: importsBefore, after: text === source ? importsBefore : importsOf(analysis) }, definitionsLeft };
}
