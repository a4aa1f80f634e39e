// The quote and semicolon style of a group of modules (one package), for text the project step
// writes from scratch (the shared module): from their import/require statements, by majority.
import { ts } from 'ts-morph';
import { parseModule } from './bindings.js';

export interface CodeStyle {
  readonly quote: "'" | '"';
  readonly semicolon: boolean;
}

export const DEFAULT_STYLE: CodeStyle = { quote: "'", semicolon: true };

function moduleLiteral(statement: ts.Statement): ts.StringLiteral | undefined {
  if (ts.isImportDeclaration(statement) && ts.isStringLiteral(statement.moduleSpecifier)) return statement.moduleSpecifier;
  if (!ts.isVariableStatement(statement)) return undefined;
  for (const declaration of statement.declarationList.declarations) {
    let init = declaration.initializer;
    if (init && ts.isPropertyAccessExpression(init)) init = init.expression;
    if (init && ts.isCallExpression(init) && ts.isIdentifier(init.expression) && init.expression.text === 'require') {
      const argument = init.arguments[0];
      if (argument && ts.isStringLiteral(argument)) return argument;
    }
  }
  return undefined;
}

export function codeStyleOf(modules: readonly { readonly file: string; readonly text: string }[]): CodeStyle {
  return styleOfSources(modules.map(({ file, text }) => parseModule(file, text)));
}

/** The same, from modules already parsed. */
export function styleOfSources(sources: readonly ts.SourceFile[]): CodeStyle {
  let single = 0;
  let double = 0;
  let withSemicolon = 0;
  let without = 0;
  for (const source of sources) {
    for (const statement of source.statements) {
      const literal = moduleLiteral(statement);
      if (!literal) continue;
      if (literal.getText(source).startsWith('"')) double += 1;
      else single += 1;
      if (statement.getText(source).endsWith(';')) withSemicolon += 1;
      else without += 1;
    }
  }
  return {
    quote: double > single ? '"' : "'",
    semicolon: withSemicolon + without === 0 ? DEFAULT_STYLE.semicolon : withSemicolon >= without,
  };
}
