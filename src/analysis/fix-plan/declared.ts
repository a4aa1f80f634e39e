// Module-scope declarations a fix may reuse instead of adding its own: values compared with
// layout ignored and string literals exact, so Prettier's layout of the same provider is the same
// provider and 'a  b' never equals 'a b'.
import type { TSESTree } from '@typescript-eslint/utils';

/** String literals, kept as written: whitespace inside them is part of the value (a profile name). */
const STRING_LITERAL = /('(?:[^'\\\n]|\\.)*'|"(?:[^"\\\n]|\\.)*"|`(?:[^`\\]|\\.)*`)/;

/**
 * A declaration's value for comparison: layout ignored (line breaks, indentation, trailing commas,
 * the spaces Prettier puts inside brackets), string literals compared exactly.
 */
export const normalize = (value: string): string =>
  value
    .split(STRING_LITERAL)
    .map((part, index) => (index % 2 === 1 ? part : part.replace(/\s+/g, ' ').replace(/,\s*([)}\]])/g, '$1').replace(/([({[])\s+/g, '$1').replace(/\s+([)}\]])/g, '$1')))
    .join('')
    .trim();

/**
 * `const name = value` declarations at the top level of the file, exported or not, each
 * declarator of `const a = …, b = …` too: value -> name (the first, when two names hold the same
 * value).
 */
export function existingDeclarations(program: TSESTree.Program, text: string): Map<string, string> {
  const found = new Map<string, string>();
  for (const node of program.body) {
    const statement = node.type === 'ExportNamedDeclaration' ? node.declaration : node;
    if (statement?.type !== 'VariableDeclaration' || statement.kind !== 'const' || statement.declare) continue;
    for (const declarator of statement.declarations) {
      if (declarator.id.type !== 'Identifier' || !declarator.init) continue;
      const value = normalize(text.slice(declarator.init.range[0], declarator.init.range[1]));
      if (!found.has(value)) found.set(value, declarator.id.name);
    }
  }
  return found;
}

/** The existing declaration of `value` at the top of the file, per program (parsed once per lint or rewrite). */
const cache = new WeakMap<TSESTree.Program, Map<string, string>>();
export function existingNameFor(program: TSESTree.Program, text: string, value: string): string | undefined {
  let found = cache.get(program);
  if (!found) cache.set(program, (found = existingDeclarations(program, text)));
  return found.get(normalize(value));
}
