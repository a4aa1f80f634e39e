// Text edits on one module for the project step: remove the hoisted declaration (and the
// imports only it used), add the import of the shared instance. Everything else is untouched.
import { ts } from 'ts-morph';
import { bindingsOf, parseModule, referencedIdentifiers } from './bindings.js';
import { styleOfSources } from './code-style.js';

interface Edit {
  readonly start: number;
  readonly end: number;
  readonly text: string;
}

function applyEdits(text: string, edits: readonly Edit[]): string {
  let out = text;
  for (const edit of [...edits].sort((a, b) => b.start - a.start)) out = out.slice(0, edit.start) + edit.text + out.slice(edit.end);
  return out;
}

/** From the start of the node's first line (with its leading comments) through the line break after it. */
function wholeLines(source: ts.SourceFile, node: ts.Node, withComments: boolean): Edit {
  const text = source.text;
  const comments = withComments ? (ts.getLeadingCommentRanges(text, node.getFullStart()) ?? []) : [];
  let start = comments.length > 0 ? comments[0]!.pos : node.getStart(source);
  while (start > 0 && (text[start - 1] === ' ' || text[start - 1] === '\t')) start -= 1;
  let end = node.getEnd();
  while (end < text.length && (text[end] === ' ' || text[end] === '\t')) end += 1;
  if (text[end] === '\r') end += 1;
  if (text[end] === '\n') end += 1;
  // A blank line left on both sides collapses to one.
  const blankBefore = start === 0 || /\n[ \t]*\r?\n$/.test(text.slice(0, start));
  if (blankBefore && /^[ \t]*\r?\n/.test(text.slice(end))) end = text.indexOf('\n', end) + 1;
  return { start, end, text: '' };
}

/** Remove one element of `{ a, b }` (an import specifier or a destructured require) with its comma. */
function removeListElement(source: ts.SourceFile, element: ts.Node, list: ts.NodeArray<ts.Node>): Edit {
  const index = list.indexOf(element);
  const text = source.text;
  if (index < list.length - 1) {
    return { start: element.getStart(source), end: list[index + 1]!.getStart(source), text: '' };
  }
  const previous = list[index - 1]!;
  let end = element.getEnd();
  if (list.hasTrailingComma) {
    const comma = text.indexOf(',', end);
    if (comma !== -1) end = comma + 1;
  }
  return { start: previous.getEnd(), end: list.hasTrailingComma ? end - 1 : end, text: '' };
}

export interface Removal {
  readonly text: string;
  /** Module specifiers the file no longer imports anything from. */
  readonly dropped: readonly string[];
}

export function removeStatementAndUnusedImports(text: string, file: string, localName: string, uses: ReadonlySet<string>): Removal {
  let source = parseModule(file, text);
  const statement = source.statements.find(
    candidate =>
      ts.isVariableStatement(candidate) &&
      candidate.declarationList.declarations.some(declaration => ts.isIdentifier(declaration.name) && declaration.name.text === localName),
  );
  if (!statement) return { text, dropped: [] };
  const afterRemoval = applyEdits(text, [wholeLines(source, statement, true)]);
  source = parseModule(file, afterRemoval);
  const bindings = bindingsOf(source);
  const counts = new Map<string, number>();
  for (const identifier of referencedIdentifiers(source)) counts.set(identifier.text, (counts.get(identifier.text) ?? 0) + 1);
  const edits: Edit[] = [];
  const removedStatements = new Set<ts.Statement>();
  const unusedByStatement = new Map<ts.Statement, string[]>();
  for (const name of uses) {
    const binding = bindings.imports.get(name);
    if (!binding || (counts.get(name) ?? 0) > 0) continue;
    unusedByStatement.set(binding.statement, [...(unusedByStatement.get(binding.statement) ?? []), name]);
  }
  for (const [owner, names] of unusedByStatement) {
    const all = [...bindings.imports.entries()].filter(([, binding]) => binding.statement === owner).map(([name]) => name);
    const isImport = ts.isImportDeclaration(owner);
    const hasOtherBindings = isImport && owner.importClause?.name !== undefined && !names.includes(owner.importClause.name.text);
    if (names.length === all.length && !hasOtherBindings && (!ts.isVariableStatement(owner) || owner.declarationList.declarations.length === 1)) {
      edits.push(wholeLines(source, owner, false));
      removedStatements.add(owner);
      continue;
    }
    for (const name of names) {
      const element = bindings.imports.get(name)!.element;
      if (!element) continue;
      const list = (element.parent as ts.NamedImports | ts.ObjectBindingPattern).elements as ts.NodeArray<ts.Node>;
      const remaining = list.filter(item => !names.includes(((item as ts.ImportSpecifier | ts.BindingElement).name as ts.Identifier).text));
      if (remaining.length === 0) continue;
      edits.push(removeListElement(source, element, list));
    }
  }
  const kept = new Set([...bindings.imports.values()].filter((binding) => !removedStatements.has(binding.statement)).map((binding) => binding.specifier));
  const dropped = [...new Set([...removedStatements].flatMap((owner) => [...bindings.imports.values()].filter((binding) => binding.statement === owner).map((binding) => binding.specifier)))].filter((specifier) => !kept.has(specifier));
  return { text: applyEdits(afterRemoval, edits), dropped };
}

function isDirectivePrologue(statement: ts.Statement): boolean {
  return ts.isExpressionStatement(statement) && ts.isStringLiteral(statement.expression);
}

function isImportLike(statement: ts.Statement): boolean {
  if (ts.isImportDeclaration(statement) || ts.isImportEqualsDeclaration(statement)) return true;
  if (!ts.isVariableStatement(statement)) return false;
  return statement.declarationList.declarations.every(declaration => {
    let init = declaration.initializer;
    if (init && ts.isPropertyAccessExpression(init)) init = init.expression;
    return init !== undefined && ts.isCallExpression(init) && ts.isIdentifier(init.expression) && init.expression.text === 'require';
  });
}

/** Insert `import { exported as local } from 'specifier'` (or the require form) after the last import. */
export function addImport(text: string, file: string, specifier: string, exported: string, local: string, syntax: 'esm' | 'cjs'): string {
  const source = parseModule(file, text);
  const style = styleOfSources([source]);
  const quote = style.quote;
  const semicolon = style.semicolon ? ';' : '';
  const quoted = `${quote}${specifier}${quote}`;
  const line =
    syntax === 'esm'
      ? `import { ${exported === local ? exported : `${exported} as ${local}`} } from ${quoted}${semicolon}`
      : `const { ${exported === local ? exported : `${exported}: ${local}`} } = require(${quoted})${semicolon}`;
  const statements = source.statements;
  let anchor: ts.Statement | undefined;
  // ES modules: after the last `import` wherever it stands (imports are hoisted). CommonJS: after
  // the leading block of requires, since a require runs where it stands and the code after the
  // block may already read the name.
  for (const statement of statements) {
    if (isImportLike(statement) || (anchor === undefined && isDirectivePrologue(statement))) anchor = statement;
    else if (syntax === 'cjs' && !isDirectivePrologue(statement)) break;
  }
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  if (anchor) {
    const end = anchor.getEnd();
    return `${text.slice(0, end)}${eol}${line}${text.slice(end)}`;
  }
  // No imports: after a shebang and the leading comment block, before the first statement.
  const first = statements[0];
  const position = first ? first.getStart(source) : text.length;
  return `${text.slice(0, position)}${line}${eol}${first ? eol : ''}${text.slice(position)}`;
}
