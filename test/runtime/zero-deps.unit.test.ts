// The runtime ships as `eslint-plugin-aws-credentials/runtime` and is vendored as one file: it
// imports no package, uses nothing ESM-only, and its modules share one scope when flattened.
import { readdirSync, readFileSync } from 'node:fs';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const dir = new URL('../../src/runtime/', import.meta.url);
const files = readdirSync(dir).filter((name) => name.endsWith('.ts'));
const sources = files.map((name) => ts.createSourceFile(name, readFileSync(new URL(name, dir), 'utf8'), ts.ScriptTarget.ES2022, true));

describe('src/runtime', () => {
  it('imports only its own modules (relative, with .js), no package and no node: builtin', () => {
    for (const source of sources) {
      for (const statement of source.statements) {
        if ((ts.isImportDeclaration(statement) || ts.isExportDeclaration(statement)) && statement.moduleSpecifier) {
          const specifier = (statement.moduleSpecifier as ts.StringLiteral).text;
          expect(`${source.fileName}: ${specifier}`).toMatch(/: \.\/[\w-]+\.js$/);
        }
      }
      expect(source.text).not.toMatch(/\brequire\(|\bimport\(/);
    }
  });

  it('uses no import.meta and no top-level await (it is compiled to CommonJS too)', () => {
    for (const source of sources) {
      expect(source.text, source.fileName).not.toContain('import.meta');
      const visit = (node: ts.Node, inFunction: boolean): void => {
        if (ts.isAwaitExpression(node) && !inFunction) throw new Error(`${source.fileName}: top-level await`);
        ts.forEachChild(node, (child) => visit(child, inFunction || ts.isFunctionLike(node)));
      };
      visit(source, false);
    }
  });

  it('declares every top-level name in one module only (they share one scope when vendored)', () => {
    const seen = new Map<string, string>();
    for (const source of sources) {
      for (const statement of source.statements) {
        const names: string[] = [];
        if (ts.isVariableStatement(statement)) {
          for (const declaration of statement.declarationList.declarations) if (ts.isIdentifier(declaration.name)) names.push(declaration.name.text);
        } else if (
          (ts.isFunctionDeclaration(statement) || ts.isClassDeclaration(statement) || ts.isInterfaceDeclaration(statement) || ts.isTypeAliasDeclaration(statement)) &&
          statement.name
        ) {
          names.push(statement.name.text);
        }
        for (const name of names) {
          expect(seen.get(name) ?? source.fileName, `${name} declared in ${seen.get(name)} and ${source.fileName}`).toBe(source.fileName);
          seen.set(name, source.fileName);
        }
      }
    }
    expect(seen.size).toBeGreaterThan(20);
  });

  it('guards unref (runtimes without it, e.g. browsers and workers, must work)', () => {
    const text = sources.map((source) => source.text).join('\n');
    expect(text).not.toMatch(/\.unref\(\)/);
    expect(text).toMatch(/\.unref\?\.\(\)/);
  });
});
