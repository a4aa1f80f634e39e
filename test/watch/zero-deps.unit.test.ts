// The watch ships with no dependency: its modules import each other and node: builtins only.
import { readdirSync, readFileSync } from 'node:fs';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const dir = new URL('../../src/watch/', import.meta.url);
const files = readdirSync(dir).filter((name) => name.endsWith('.ts'));

describe('src/watch', () => {
  it('imports only its own modules and node: builtins, and no import.meta (it is compiled to CommonJS too)', () => {
    expect(files.length).toBeGreaterThan(5);
    for (const name of files) {
      const source = ts.createSourceFile(name, readFileSync(new URL(name, dir), 'utf8'), ts.ScriptTarget.ES2022, true);
      for (const statement of source.statements) {
        if ((ts.isImportDeclaration(statement) || ts.isExportDeclaration(statement)) && statement.moduleSpecifier) {
          expect(`${name}: ${(statement.moduleSpecifier as ts.StringLiteral).text}`).toMatch(/: (\.\/[\w-]+\.js|node:[\w_/]+)$/);
        }
      }
      expect(source.text, name).not.toMatch(/\brequire\(|\bimport\(|import\.meta/);
    }
  });
});
