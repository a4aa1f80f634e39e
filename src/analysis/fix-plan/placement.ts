// Where a hoisted module-scope declaration goes: after the file's import/require block (or at the
// top, after directives, a shebang and a header comment), not wherever the site's top-level
// statement happens to start (between two classes). It moves up from the site's statement only
// past statements that run no code a client or provider could depend on (class, function, type and
// interface declarations, enums of literals, `const f = () => …`, `export { … }` lists) and that declare none of the names its value reads,
// so what the value sees when it is evaluated is what it saw before: an `AWS.config.credentials = …`,
// a `process.env.X = …`, a `const region = …` or any other statement stays above it.
import type { TSESTree } from '@typescript-eslint/utils';
import { startWithLeadingComments } from './imports.js';

/** Identifier-like words of `value` outside its string literals: over-approximates the names it reads. */
function wordsOf(value: string): Set<string> {
  const code = value.replace(/'(?:[^'\\\n]|\\.)*'|"(?:[^"\\\n]|\\.)*"/g, '""');
  return new Set(code.match(/[A-Za-z_$][\w$]*/g) ?? []);
}

/** The names a passable statement declares; undefined when the statement runs code (a barrier). */
function inertDeclarations(statement: TSESTree.ProgramStatement): string[] | undefined {
  const node = statement.type === 'ExportNamedDeclaration' || statement.type === 'ExportDefaultDeclaration' ? statement.declaration : statement;
  if (!node) return statement.type === 'ExportNamedDeclaration' && !statement.source ? [] : undefined;
  switch (node.type) {
    case 'FunctionDeclaration':
    case 'TSDeclareFunction':
      return node.id ? [node.id.name] : [];
    case 'ClassDeclaration':
      // A static block or a computed key runs code when the class is declared.
      if (node.body.body.some((member) => member.type === 'StaticBlock' || ('computed' in member && member.computed) || ('static' in member && member.static && member.type === 'PropertyDefinition' && member.value !== null))) return undefined;
      return node.id ? [node.id.name] : [];
    case 'VariableDeclaration':
      // `export const handler = async () => …`: defining a function runs none of its code.
      if (node.declare) return [];
      if (!node.declarations.every((d) => d.id.type === 'Identifier' && (d.init?.type === 'ArrowFunctionExpression' || d.init?.type === 'FunctionExpression'))) return undefined;
      return node.declarations.map((d) => (d.id.type === 'Identifier' ? d.id.name : ''));
    case 'TSEnumDeclaration': {
      // Members initialised with literals (or counted) run no code.
      const members = 'body' in node && node.body ? node.body.members : (node as unknown as { members: TSESTree.TSEnumMember[] }).members;
      return members.every((member) => !member.initializer || member.initializer.type === 'Literal') ? [node.id.name] : undefined;
    }
    case 'TSInterfaceDeclaration':
    case 'TSTypeAliasDeclaration':
      return [node.id.name];
    default:
      return undefined;
  }
}

/**
 * The offset to insert a declaration of `value` at, at most `latest` (the start of the site's
 * top-level statement, with its leading comments), where the inputs were judged module-stable.
 */
export function declarationPoint(program: TSESTree.Program, text: string, latest: number, value: string): number {
  const words = wordsOf(value);
  const body = program.body;
  let index = body.findIndex((statement) => statement.range[1] > latest);
  if (index <= 0) return latest;
  while (index > 0) {
    const declared = inertDeclarations(body[index - 1]!);
    if (!declared || declared.some((name) => words.has(name))) break;
    index -= 1;
  }
  return Math.min(latest, startWithLeadingComments(program, body[index]!, text));
}
