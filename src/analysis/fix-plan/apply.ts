// Applies the fix plans of many sites to one text at once, as the codemod does: edits of sites that
// overlap an earlier site are left for the next pass, and the runtime imports of all applied
// sites are merged into one import edit.
import type { Site, TextEdit } from '../types.js';
import { programOf, runtimeImportEdit } from './imports.js';
import { existingDeclarations, normalize } from './declared.js';

export interface AppliedFixes {
  readonly text: string;
  readonly applied: Site[];
  /** Sites whose plan is manual: left as they are. */
  readonly manual: Site[];
  /** The module-scope declarations the applied edits inserted (shared ones once), as the planner wrote them. */
  readonly declared: Declared[];
}

export type Declared = NonNullable<TextEdit['declares']>;

export function applyFixes(text: string, sites: readonly Site[]): AppliedFixes {
  const manual = sites.filter((site) => site.fix.kind === 'manual');
  const fixable = sites.filter((site) => site.fix.kind !== 'manual').sort((a, b) => a.node.range[0] - b.node.range[0]);
  const applied: Site[] = [];
  const edits: TextEdit[] = [];
  const taken: [number, number][] = [];
  const imports = new Map<string, Set<string>>();
  const declared = fixable.length > 0 ? existingDeclarations(programOf(fixable[0]!.node), text) : new Map<string, string>();
  for (const site of fixable) {
    if (site.fix.kind === 'manual') continue;
    const own = shareDeclarations(site.fix.edits.filter((edit) => !edit.isImport), declared);
    const overlaps = own.some((edit) => edit.range[0] !== edit.range[1] && taken.some(([start, end]) => edit.range[0] < end && start < edit.range[1]));
    if (overlaps) continue;
    for (const edit of own) if (edit.range[0] !== edit.range[1]) taken.push([edit.range[0], edit.range[1]]);
    edits.push(...own);
    for (const wanted of site.fix.imports ?? []) {
      const names = imports.get(wanted.module) ?? new Set<string>();
      for (const name of wanted.names) names.add(name);
      imports.set(wanted.module, names);
    }
    for (const edit of own) if (edit.declares) declared.set(normalize(edit.declares.value), edit.declares.name);
    applied.push(site);
  }
  const inserted: Declared[] = edits.flatMap((edit) => (edit.declares ? [edit.declares] : []));
  if (applied.length > 0) {
    const program = programOf(applied[0]!.node);
    for (const [module, names] of imports) {
      const edit = runtimeImportEdit(program, text, module, [...names]);
      if (edit) edits.push(edit);
    }
  }
  return { text: applyEdits(text, edits), applied, manual, declared: inserted };
}

/**
 * A site's edits with its hoisted declaration dropped when the same value is already declared
 * (in the file, or by a fix applied before it), and its own name replaced by that one.
 */
function shareDeclarations(edits: readonly TextEdit[], declared: ReadonlyMap<string, string>): TextEdit[] {
  const declaration = edits.find((edit) => edit.declares);
  const existing = declaration?.declares ? declared.get(normalize(declaration.declares.value)) : undefined;
  if (!declaration?.declares || existing === undefined || existing === declaration.declares.name) return [...edits];
  const own = new RegExp(`(?<![\\w$.])${declaration.declares.name}(?![\\w$])`, 'g');
  return edits.filter((edit) => edit !== declaration).map((edit) => ({ ...edit, text: edit.text.replace(own, existing) }));
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
