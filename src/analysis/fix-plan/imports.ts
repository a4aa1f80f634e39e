// The edit that imports runtime names: merged into an existing import of the runtime module when
// there is one, otherwise a new `import` (ES modules) or `require` (CommonJS) in the file's own
// quote and semicolon style, placed after the file's last import.
import type { TSESTree } from '@typescript-eslint/utils';
import type { Scopes } from '../scopes.js';
import { requiredModule } from '../bindings.js';
import type { TextEdit } from '../types.js';

interface Style {
  readonly quote: string;
  readonly semi: string;
  readonly commonJs: boolean;
}

export function runtimeImportEdit(program: TSESTree.Program, text: string, module: string, names: readonly string[]): TextEdit | undefined {
  const wanted = [...new Set(names)].sort();
  if (wanted.length === 0) return undefined;
  const merged = mergeIntoExisting(program, module, wanted);
  if (merged !== undefined) return merged ?? undefined;
  const style = styleOf(program, text);
  const list = wanted.join(', ');
  const q = style.quote;
  const statement = style.commonJs
    ? `const { ${list} } = require(${q}${module}${q})${style.semi}`
    : `import { ${list} } from ${q}${module}${q}${style.semi}`;
  const last = lastImportStatement(program, style.commonJs);
  if (last) return { range: [last.range[1], last.range[1]], text: `\n${statement}`, isImport: true };
  const first = firstStatementAfterDirectives(program);
  if (!first) return { range: [text.length, text.length], text: `${text.length > 0 && !text.endsWith('\n') ? '\n' : ''}${statement}\n`, isImport: true };
  const at = startWithLeadingComments(program, first, text);
  return { range: [at, at], text: `${statement}\n\n`, isImport: true };
}

/** undefined: no import of the module; null: it already has every name; else the edit. */
function mergeIntoExisting(program: TSESTree.Program, module: string, wanted: readonly string[]): TextEdit | null | undefined {
  for (const statement of program.body) {
    if (statement.type === 'ImportDeclaration' && statement.source.value === module && statement.importKind !== 'type') {
      const specifiers = statement.specifiers.filter((s): s is TSESTree.ImportSpecifier => s.type === 'ImportSpecifier');
      if (specifiers.length === 0) continue;
      const have = new Set(specifiers.map((s) => (s.imported.type === 'Identifier' ? s.imported.name : String(s.imported.value))));
      const missing = wanted.filter((name) => !have.has(name));
      if (missing.length === 0) return null;
      const last = specifiers[specifiers.length - 1]!;
      return { range: [last.range[1], last.range[1]], text: missing.map((name) => `, ${name}`).join(''), isImport: true };
    }
    const pattern = requirePattern(statement, module);
    if (pattern) {
      const properties = pattern.properties.filter((p): p is TSESTree.Property => p.type === 'Property');
      const have = new Set(properties.map((p) => (p.key.type === 'Identifier' ? p.key.name : '')));
      const missing = wanted.filter((name) => !have.has(name));
      if (missing.length === 0) return null;
      const last = properties[properties.length - 1];
      if (!last) continue;
      return { range: [last.range[1], last.range[1]], text: missing.map((name) => `, ${name}`).join(''), isImport: true };
    }
  }
  return undefined;
}

function requirePattern(statement: TSESTree.ProgramStatement, module: string): TSESTree.ObjectPattern | undefined {
  if (statement.type !== 'VariableDeclaration') return undefined;
  for (const declarator of statement.declarations) {
    if (declarator.id.type === 'ObjectPattern' && declarator.init?.type === 'CallExpression' && requiredModule(declarator.init) === module) return declarator.id;
  }
  return undefined;
}

function isRequireStatement(statement: TSESTree.ProgramStatement): boolean {
  return statement.type === 'VariableDeclaration' && statement.declarations.some((d) => d.init?.type === 'CallExpression' && requiredModule(d.init) !== undefined);
}

/**
 * Where a new import goes. ES modules: after the last `import` declaration, wherever it stands
 * (imports are hoisted, so code between them does not matter). CommonJS: after the last `require`
 * of the file's leading block (requires, bare `require('x')…` statements, directives), because a
 * `require` runs where it stands: one added after a later require would run after the hoisted
 * declaration that reads it.
 */
function lastImportStatement(program: TSESTree.Program, commonJs: boolean): TSESTree.ProgramStatement | undefined {
  let last: TSESTree.ProgramStatement | undefined;
  for (const statement of program.body) {
    if (!commonJs) {
      if (statement.type === 'ImportDeclaration' || statement.type === 'TSImportEqualsDeclaration') last = statement;
      continue;
    }
    if (isRequireStatement(statement)) last = statement;
    else if (!isDirective(statement) && !isBareRequire(statement)) break;
  }
  return last;
}

function isDirective(statement: TSESTree.ProgramStatement): boolean {
  return statement.type === 'ExpressionStatement' && 'directive' in statement && Boolean(statement.directive);
}

/** `require('dotenv').config()`, `require('./setup')`: a statement that only loads a module. */
function isBareRequire(statement: TSESTree.ProgramStatement): boolean {
  if (statement.type !== 'ExpressionStatement') return false;
  let node: TSESTree.Node = statement.expression;
  while (node.type === 'CallExpression' || node.type === 'MemberExpression') {
    if (node.type === 'CallExpression' && requiredModule(node) !== undefined) return true;
    node = node.type === 'CallExpression' ? node.callee : node.object;
  }
  return false;
}

function firstStatementAfterDirectives(program: TSESTree.Program): TSESTree.ProgramStatement | undefined {
  return program.body.find((statement) => !(statement.type === 'ExpressionStatement' && 'directive' in statement && statement.directive));
}

/** Where a statement starts, counting the comments right above it (a JSDoc stays with its code). */
export function startWithLeadingComments(program: TSESTree.Program, statement: TSESTree.Node, text: string): number {
  const comments = program.comments ?? [];
  let start = Math.min(statement.range[0], ...decoratorsOf(statement).map((decorator) => decorator.range[0]));
  for (let i = comments.length - 1; i >= 0; i--) {
    const comment = comments[i]!;
    if (comment.range[1] > start) continue;
    if (!/^\s*$/.test(text.slice(comment.range[1], start))) break;
    if (/\n\s*\n/.test(text.slice(comment.range[1], start))) break;
    start = comment.range[0];
  }
  // Never before a shebang.
  if (text.startsWith('#!') && start === 0) start = text.indexOf('\n') + 1;
  return start;
}

/** Decorators written before `export class` belong to the class but stand before the statement. */
function decoratorsOf(statement: TSESTree.Node): readonly TSESTree.Decorator[] {
  const declaration = statement.type === 'ExportNamedDeclaration' || statement.type === 'ExportDefaultDeclaration' ? statement.declaration : statement;
  return declaration && 'decorators' in declaration && Array.isArray(declaration.decorators) ? declaration.decorators : [];
}

function styleOf(program: TSESTree.Program, text: string): Style {
  const hasEsm = program.body.some((s) => s.type === 'ImportDeclaration' || s.type === 'ExportNamedDeclaration' || s.type === 'ExportDefaultDeclaration' || s.type === 'ExportAllDeclaration');
  const requires = program.body.filter(isRequireStatement);
  const commonJs = !hasEsm && (requires.length > 0 || program.sourceType === 'script' || /\bmodule\.exports\b|\bexports\.\w+\s*=/.test(text));
  const sample = program.body.find((s) => s.type === 'ImportDeclaration') ?? requires[0];
  const sampleText = sample ? text.slice(sample.range[0], sample.range[1]) : '';
  const quote = majorityQuote(program, text) ?? "'";
  const semi = sample ? (sampleText.trimEnd().endsWith(';') ? ';' : '') : text.includes(';\n') || !text.trim() ? ';' : '';
  return { quote, semi, commonJs };
}

/** The quote most of the file's import and require specifiers are written with (the first one's on a tie). */
function majorityQuote(program: TSESTree.Program, text: string): string | undefined {
  const quotes: string[] = [];
  for (const statement of program.body) {
    const literals: TSESTree.Node[] =
      statement.type === 'ImportDeclaration' || statement.type === 'ExportAllDeclaration' || (statement.type === 'ExportNamedDeclaration' && statement.source)
        ? [statement.source!]
        : statement.type === 'VariableDeclaration'
          ? statement.declarations.flatMap((d) => (d.init?.type === 'CallExpression' && requiredModule(d.init) !== undefined ? [d.init.arguments[0]!] : []))
          : [];
    for (const literal of literals) {
      const quote = text.charAt(literal.range[0]);
      if (quote === "'" || quote === '"') quotes.push(quote);
    }
  }
  const double = quotes.filter((quote) => quote === '"').length;
  const single = quotes.length - double;
  return double === single ? quotes[0] : double > single ? '"' : "'";
}

export function programOf(node: TSESTree.Node): TSESTree.Program {
  let current = node;
  while (current.parent) current = current.parent;
  return current as TSESTree.Program;
}

/**
 * The uses of an imported name other than its binding: a destructured `require` records the
 * declaration's own write (`reference.init`) as a reference, an `import` does not.
 */
function usesOf(variable: NonNullable<ReturnType<Scopes['findVariable']>>): number {
  return variable.references.filter((reference) => !reference.init).length;
}

/**
 * Removes `name` from `import { A, name } from ...` or `const { A, name } = require(...)` when the
 * site being rewritten was its only use, in ES modules and CommonJS alike. Only from a list that
 * keeps other names, so the edit never touches where the imports of the fix are inserted.
 */
export function unusedImportEdit(callee: TSESTree.Node, scopes: Scopes): TextEdit | undefined {
  if (callee.type !== 'Identifier') return undefined;
  const variable = scopes.findVariable(callee);
  const def = variable?.defs[0];
  if (!variable || !def || variable.defs.length !== 1 || usesOf(variable) !== 1) return undefined;
  let element: TSESTree.Node = def.node;
  if (def.type === 'Variable' && def.node.type === 'VariableDeclarator' && def.node.id.type === 'ObjectPattern') {
    if (def.node.init?.type !== 'CallExpression' || requiredModule(def.node.init) === undefined) return undefined;
    element = def.node.id.properties.find((property) => property.value?.range[0] === def.name.range[0]) ?? def.node;
  }
  const list =
    element.type === 'ImportSpecifier' && element.parent.type === 'ImportDeclaration'
      ? element.parent.specifiers
      : element.type === 'Property' && element.parent.type === 'ObjectPattern'
        ? element.parent.properties
        : undefined;
  if (!list || list.length < 2 || (element.type === 'ImportSpecifier' && list.some((other) => other.type !== 'ImportSpecifier'))) return undefined;
  const index = (list as readonly TSESTree.Node[]).indexOf(element);
  return index < list.length - 1
    ? { range: [element.range[0], list[index + 1]!.range[0]], text: '' }
    : { range: [list[index - 1]!.range[1], element.range[1]], text: '' };
}

/**
 * When `callee` is an imported name (`import { a }`, `const { a } = require(...)`) used only here,
 * the edit that renames its import to `replacement`: the import the rewrite made unused becomes
 * the one it needs, in place (no second import of the module, nothing left behind).
 */
export function renameOnlyUseEdit(callee: TSESTree.Node, scopes: Scopes, replacement: string): TextEdit | undefined {
  if (callee.type !== 'Identifier') return undefined;
  const variable = scopes.findVariable(callee);
  const def = variable?.defs[0];
  if (!variable || !def || variable.defs.length !== 1 || usesOf(variable) !== 1) return undefined;
  if (def.node.type === 'ImportSpecifier' && def.node.importKind !== 'type') return { range: [def.node.range[0], def.node.range[1]], text: replacement };
  if (def.type === 'Variable' && def.node.type === 'VariableDeclarator' && def.node.id.type === 'ObjectPattern') {
    const property = def.node.id.properties.find((candidate) => candidate.type === 'Property' && candidate.value.range[0] === def.name.range[0]);
    if (property) return { range: [property.range[0], property.range[1]], text: replacement };
  }
  return undefined;
}

/** Does the file import `module` (an `import` of values, or a `require` bound at top level)? */
export function importsModule(program: TSESTree.Program, module: string): boolean {
  return program.body.some(
    (statement) =>
      (statement.type === 'ImportDeclaration' && statement.source.value === module && statement.importKind !== 'type') ||
      (statement.type === 'VariableDeclaration' && statement.declarations.some((d) => d.init?.type === 'CallExpression' && requiredModule(d.init) === module)),
  );
}

/**
 * The modules the file takes values from at top level (`import { a }`, `import x = require()`,
 * `const { a } = require()`): what its package.json must provide. Type-only and side-effect
 * imports do not count. Read from the parse the analysis already has: no second parser.
 */
export function importedModules(program: TSESTree.Program): Set<string> {
  const modules = new Set<string>();
  for (const statement of program.body) {
    if (statement.type === 'ImportDeclaration') {
      if (statement.importKind !== 'type' && statement.specifiers.some((s) => s.type !== 'ImportSpecifier' || s.importKind !== 'type')) modules.add(statement.source.value);
    } else if (statement.type === 'TSImportEqualsDeclaration') {
      const reference = statement.moduleReference;
      if (statement.importKind !== 'type' && reference.type === 'TSExternalModuleReference' && reference.expression.type === 'Literal' && typeof reference.expression.value === 'string') modules.add(reference.expression.value);
    } else if (statement.type === 'VariableDeclaration') {
      for (const declarator of statement.declarations) {
        const module = declarator.init?.type === 'CallExpression' ? requiredModule(declarator.init) : undefined;
        if (module) modules.add(module);
      }
    }
  }
  return modules;
}
