// A provider expression's identity across files: its tokens with whitespace, quote style and
// trailing commas normalised, and every imported identifier replaced by what it refers to
// (`module#export`), so `fromIni({ profile: "a" })` in one file equals `fromIni({profile:'a',})`
// in another, and a renamed import still matches.
import { ts } from 'ts-morph';
import type { ModuleBindings } from './bindings.js';

export interface Normalized {
  readonly key: string;
  /** Imported local names the expression uses. */
  readonly uses: ReadonlySet<string>;
}

/** Undefined when the expression refers to a module-local declaration (not shareable). */
export function normalizeExpression(node: ts.Expression, source: ts.SourceFile, bindings: ModuleBindings): Normalized | undefined {
  const tokens: string[] = [];
  const uses = new Set<string>();
  let shareable = true;
  const visit = (current: ts.Node): void => {
    if (!shareable) return;
    if (ts.isIdentifier(current)) {
      const binding = bindings.imports.get(current.text);
      const parent = current.parent;
      const isPropertyName =
        (ts.isPropertyAccessExpression(parent) && parent.name === current) ||
        (ts.isPropertyAssignment(parent) && parent.name === current);
      if (!isPropertyName && binding) {
        uses.add(current.text);
        tokens.push(`«${binding.module}#${binding.imported}»`);
        if (ts.isShorthandPropertyAssignment(parent)) tokens.splice(tokens.length - 1, 0, current.text, ':');
        return;
      }
      if (!isPropertyName && bindings.locals.has(current.text)) {
        shareable = false;
        return;
      }
      tokens.push(current.text);
      return;
    }
    if (ts.isStringLiteral(current) || ts.isNoSubstitutionTemplateLiteral(current)) {
      tokens.push(JSON.stringify(current.text));
      return;
    }
    const children = current.getChildren(source);
    if (children.length === 0) {
      tokens.push(current.getText(source));
      return;
    }
    for (const child of children) visit(child);
  };
  visit(node);
  if (!shareable) return undefined;
  const compact: string[] = [];
  for (let index = 0; index < tokens.length; index += 1) {
    const token = tokens[index]!;
    const next = tokens[index + 1];
    if (token === ',' && (next === '}' || next === ')' || next === ']')) continue;
    if (token === '') continue;
    compact.push(token);
  }
  return { key: compact.join(' '), uses };
}
