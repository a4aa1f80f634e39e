// Top-level bindings of one module: which local names come from which import (ESM `import`,
// TypeScript `import x = require()`, CommonJS `require` destructuring or member), so provider
// expressions in different files can be compared by what they refer to, not by local names.
import { existsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { ts } from 'ts-morph';

export interface ImportBinding {
  /** Package specifier, or the absolute path (no extension) of a relative import. */
  readonly module: string;
  /** The specifier as written. */
  readonly specifier: string;
  /** Exported name; `*` for a namespace / whole-module require, `default` for a default import. */
  readonly imported: string;
  /** The statement that declares it, and the specifier node (to remove it when unused). */
  readonly statement: ts.Statement;
  readonly element?: ts.ImportSpecifier | ts.BindingElement;
}

export interface ModuleBindings {
  readonly imports: Map<string, ImportBinding>;
  /** Every other top-level declared name (functions, classes, variables). */
  readonly locals: Set<string>;
}

const SOURCE_EXTENSIONS = ['.ts', '.tsx', '.mts', '.cts', '.js', '.jsx', '.mjs', '.cjs'];

/** A relative specifier's target as an absolute path without extension (`./a.js` -> `/x/a`). */
export function canonicalModule(fromFile: string, specifier: string): string {
  if (!specifier.startsWith('./') && !specifier.startsWith('../')) return specifier;
  const target = resolve(dirname(fromFile), specifier);
  const stripped = target.replace(/\.(c|m)?(j|t)sx?$/, '');
  for (const extension of SOURCE_EXTENSIONS) if (existsSync(stripped + extension)) return stripped;
  return stripped;
}

function requireSpecifier(node: ts.Expression | undefined): string | undefined {
  if (!node || !ts.isCallExpression(node)) return undefined;
  if (!ts.isIdentifier(node.expression) || node.expression.text !== 'require' || node.arguments.length !== 1) return undefined;
  const argument = node.arguments[0]!;
  return ts.isStringLiteralLike(argument) ? argument.text : undefined;
}

function scriptKindOf(file: string): ts.ScriptKind {
  if (/\.tsx$/.test(file)) return ts.ScriptKind.TSX;
  if (/\.(c|m)?ts$/.test(file)) return ts.ScriptKind.TS;
  if (/\.jsx$/.test(file)) return ts.ScriptKind.JSX;
  return ts.ScriptKind.JS;
}

export function parseModule(file: string, text: string): ts.SourceFile {
  return ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, scriptKindOf(file));
}

export function bindingsOf(source: ts.SourceFile): ModuleBindings {
  const imports = new Map<string, ImportBinding>();
  const locals = new Set<string>();
  const file = source.fileName;
  const add = (local: string, specifier: string, imported: string, statement: ts.Statement, element?: ImportBinding['element']): void => {
    imports.set(local, { module: canonicalModule(file, specifier), specifier, imported, statement, ...(element ? { element } : {}) });
  };
  for (const statement of source.statements) {
    if (ts.isImportDeclaration(statement) && ts.isStringLiteral(statement.moduleSpecifier)) {
      const specifier = statement.moduleSpecifier.text;
      const clause = statement.importClause;
      if (!clause || clause.isTypeOnly) continue;
      if (clause.name) add(clause.name.text, specifier, 'default', statement);
      const bindings = clause.namedBindings;
      if (bindings && ts.isNamespaceImport(bindings)) add(bindings.name.text, specifier, '*', statement);
      if (bindings && ts.isNamedImports(bindings)) {
        for (const element of bindings.elements) {
          if (element.isTypeOnly) continue;
          add(element.name.text, specifier, (element.propertyName ?? element.name).text, statement, element);
        }
      }
      continue;
    }
    if (ts.isImportEqualsDeclaration(statement) && ts.isExternalModuleReference(statement.moduleReference)) {
      const expression = statement.moduleReference.expression;
      if (ts.isStringLiteral(expression)) add(statement.name.text, expression.text, '*', statement);
      continue;
    }
    if (ts.isVariableStatement(statement)) {
      for (const declaration of statement.declarationList.declarations) {
        const init = declaration.initializer;
        const direct = requireSpecifier(init);
        const member =
          init && ts.isPropertyAccessExpression(init) ? { specifier: requireSpecifier(init.expression), name: init.name.text } : undefined;
        if (ts.isIdentifier(declaration.name) && direct) {
          add(declaration.name.text, direct, '*', statement);
        } else if (ts.isIdentifier(declaration.name) && member?.specifier) {
          add(declaration.name.text, member.specifier, member.name, statement);
        } else if (ts.isObjectBindingPattern(declaration.name) && direct) {
          for (const element of declaration.name.elements) {
            if (!ts.isIdentifier(element.name) || element.dotDotDotToken) continue;
            const property = element.propertyName && ts.isIdentifier(element.propertyName) ? element.propertyName.text : element.name.text;
            add(element.name.text, direct, property, statement, element);
          }
        } else {
          collectNames(declaration.name, locals);
        }
      }
      continue;
    }
    if ((ts.isFunctionDeclaration(statement) || ts.isClassDeclaration(statement) || ts.isEnumDeclaration(statement)) && statement.name) {
      locals.add(statement.name.text);
    }
  }
  return { imports, locals };
}

function collectNames(name: ts.BindingName, into: Set<string>): void {
  if (ts.isIdentifier(name)) into.add(name.text);
  else for (const element of name.elements) if (!ts.isOmittedExpression(element)) collectNames(element.name, into);
}

/** Identifiers in `node` that are references (not property names, keys or declarations). */
export function referencedIdentifiers(node: ts.Node): ts.Identifier[] {
  const found: ts.Identifier[] = [];
  const visit = (current: ts.Node): void => {
    if (ts.isIdentifier(current)) {
      const parent = current.parent;
      const isName =
        (ts.isPropertyAccessExpression(parent) && parent.name === current) ||
        (ts.isPropertyAssignment(parent) && parent.name === current) ||
        (ts.isMethodDeclaration(parent) && parent.name === current) ||
        (ts.isParameter(parent) && parent.name === current) ||
        (ts.isBindingElement(parent) && (parent.name === current || parent.propertyName === current)) ||
        (ts.isVariableDeclaration(parent) && parent.name === current) ||
        (ts.isImportSpecifier(parent)) ||
        (ts.isPropertySignature(parent) && parent.name === current) ||
        ts.isTypeReferenceNode(parent) ||
        ts.isQualifiedName(parent);
      if (!isName) found.push(current);
      return;
    }
    ts.forEachChild(current, visit);
  };
  visit(node);
  return found;
}
