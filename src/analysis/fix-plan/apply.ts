// Applies the fix plans of many sites to one text at once, as the codemod does: edits of sites that
// overlap an earlier site are left for the next pass, and the runtime imports of all applied
// sites are merged into one import edit.
import type { Site, TextEdit } from '../types.js';
import { programOf, runtimeImportEdit } from './imports.js';

export interface AppliedFixes {
  readonly text: string;
  readonly applied: Site[];
  /** Sites whose plan is manual: left as they are. */
  readonly manual: Site[];
}

export function applyFixes(text: string, sites: readonly Site[]): AppliedFixes {
  const manual = sites.filter((site) => site.fix.kind === 'manual');
  const fixable = sites.filter((site) => site.fix.kind !== 'manual').sort((a, b) => a.node.range[0] - b.node.range[0]);
  const applied: Site[] = [];
  const edits: TextEdit[] = [];
  const taken: [number, number][] = [];
  const imports = new Map<string, Set<string>>();
  for (const site of fixable) {
    if (site.fix.kind === 'manual') continue;
    const own = site.fix.edits.filter((edit) => !edit.isImport);
    const overlaps = own.some((edit) => edit.range[0] !== edit.range[1] && taken.some(([start, end]) => edit.range[0] < end && start < edit.range[1]));
    if (overlaps) continue;
    for (const edit of own) if (edit.range[0] !== edit.range[1]) taken.push([edit.range[0], edit.range[1]]);
    edits.push(...own);
    for (const wanted of site.fix.imports ?? []) {
      const names = imports.get(wanted.module) ?? new Set<string>();
      for (const name of wanted.names) names.add(name);
      imports.set(wanted.module, names);
    }
    applied.push(site);
  }
  if (applied.length > 0) {
    const program = programOf(applied[0]!.node);
    for (const [module, names] of imports) {
      const edit = runtimeImportEdit(program, text, module, [...names]);
      if (edit) edits.push(edit);
    }
  }
  return { text: applyEdits(text, edits), applied, manual };
}

/**
 * Applies non-overlapping edits. Insertions at one offset keep the order they were given in, except
 * that imports come first: a declaration hoisted before the first statement must follow the import
 * of the runtime names it uses.
 */
export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  const rank = (edit: TextEdit, index: number): number => (edit.isImport ? index - edits.length : index);
  const ordered = edits
    .map((edit, index) => ({ edit, index: rank(edit, index) }))
    .sort((a, b) => b.edit.range[0] - a.edit.range[0] || b.index - a.index);
  let result = text;
  for (const { edit } of ordered) result = result.slice(0, edit.range[0]) + edit.text + result.slice(edit.range[1]);
  return result;
}
