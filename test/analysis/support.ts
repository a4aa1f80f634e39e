// Helpers shared by the analysis tests: a one-line description per site, and the codemod loop.
import { analyzeSource, applyFixes, type AnalysisOptions, type Site } from '../../src/analysis/index.js';

/** `rule:messageId@line:column (context)`, columns 1-based as editors show them. */
function describeSite(site: Site): string {
  const { line, column } = site.node.loc.start;
  const context = site.frequency.kind === 'per-invocation' ? site.frequency.context : site.frequency.reason;
  return `${site.rule}:${site.messageId}@${line}:${column + 1} (${context})`;
}

export function sitesOf(code: string, file = 'a.mjs', options?: AnalysisOptions): string[] {
  return analyzeSource(code, file, options).sites.map(describeSite);
}

/** What the codemod does: analyse and apply until nothing fixable is left (at most 3 passes). */
export function fixAll(code: string, file = 'a.mjs', options?: AnalysisOptions): string {
  let text = code;
  for (let pass = 0; pass < 3; pass++) {
    const sites = analyzeSource(text, file, options).sites.filter((site) => site.fix.kind !== 'manual');
    if (sites.length === 0) break;
    text = applyFixes(text, sites).text;
  }
  return text;
}

export function fixableSites(code: string, file = 'a.mjs', options?: AnalysisOptions): Site[] {
  return analyzeSource(code, file, options).sites.filter((site) => site.fix.kind !== 'manual');
}

/** Source from lines, so tests read like the file they describe. */
export const lines = (...source: string[]): string => `${source.join('\n')}\n`;

/** `line:column` (1-based) of the `nth` occurrence of `needle` in `code`. */
export function at(code: string, needle: string, nth = 1): string {
  let index = -1;
  for (let i = 0; i < nth; i++) {
    index = code.indexOf(needle, index + 1);
    if (index < 0) throw new Error(`"${needle}" (occurrence ${nth}) is not in the code`);
  }
  const before = code.slice(0, index);
  const line = before.split('\n').length;
  return `${line}:${index - before.lastIndexOf('\n')}`;
}
