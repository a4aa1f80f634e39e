// Typed mode: with typed linting on (`parserOptions.projectService`), the TypeScript checker
// resolves a callee the syntax cannot follow (a function passed in as a typed parameter, a method
// of an instance a container or a typed factory returns, an alias re-exported through layers) to
// its declaration, named as the analysis names exports: file and export path. `typescript` is
// only ever reached through the program the parser built: nothing here imports it at run time.
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import type * as ts from 'typescript';
import type { TypedCallee } from '../analysis/types.js';

// ts.SymbolFlags values, stable across TypeScript 4 and 5 (a type-only import cannot read the enum).
const ALIAS = 1 << 21;
const CLASS = 1 << 5;

type TypedServices = { program: ts.Program; esTreeNodeToTSNodeMap: { get(node: TSESTree.Node): ts.Node | undefined } };

function typedServicesOf(sourceCode: Readonly<TSESLint.SourceCode>): TypedServices | undefined {
  const services = sourceCode.parserServices as Partial<TypedServices> | undefined;
  return services?.program && services.esTreeNodeToTSNodeMap ? (services as TypedServices) : undefined;
}

/** A project source: not a declaration file, not a dependency. */
function isProjectSource(file: ts.SourceFile): boolean {
  return !file.isDeclarationFile && !/[\\/]node_modules[\\/]/.test(file.fileName);
}

const sameDeclaration = (a: ts.Symbol, b: ts.Symbol): boolean => a === b || (!!a.declarations?.[0] && a.declarations[0] === b.declarations?.[0]);

/**
 * `typedCallee` for AnalysisOptions, when the file was parsed with a program; undefined otherwise
 * (syntax-only linting, espree, a file outside the program).
 */
export function typedCalleeFor(sourceCode: Readonly<TSESLint.SourceCode>): ((node: TSESTree.CallExpression | TSESTree.NewExpression) => TypedCallee | undefined) | undefined {
  const services = typedServicesOf(sourceCode);
  if (!services) return undefined;
  const checker = services.program.getTypeChecker();
  const resolved = (symbol: ts.Symbol): ts.Symbol => (symbol.flags & ALIAS ? checker.getAliasedSymbol(symbol) : symbol);
  const exportsByFile = new Map<ts.SourceFile, readonly { name: string; symbol: ts.Symbol }[]>();

  const exportsOf = (file: ts.SourceFile): readonly { name: string; symbol: ts.Symbol }[] => {
    let known = exportsByFile.get(file);
    if (!known) {
      const module = checker.getSymbolAtLocation(file);
      known = module ? checker.getExportsOfModule(module).map((symbol) => ({ name: symbol.name === 'export=' ? 'default' : symbol.name, symbol: resolved(symbol) })) : [];
      exportsByFile.set(file, known);
    }
    return known;
  };

  /** The export path of a declaration in a project source: an export itself, or a member of an exported class. */
  const exportPathOf = (symbol: ts.Symbol): TypedCallee | undefined => {
    const declaration = symbol.declarations?.[0];
    if (!declaration) return undefined;
    const file = declaration.getSourceFile();
    if (!isProjectSource(file)) return undefined;
    for (const exported of exportsOf(file)) {
      if (sameDeclaration(exported.symbol, symbol)) return { file: file.fileName, name: exported.name };
      if (!(exported.symbol.flags & CLASS)) continue;
      const member = exported.symbol.members?.get(symbol.escapedName) ?? exported.symbol.exports?.get(symbol.escapedName);
      if (member && sameDeclaration(member, symbol)) return { file: file.fileName, name: `${exported.name}.${symbol.name}` };
    }
    return undefined;
  };

  return (node) => {
    let callee: TSESTree.Node = node.callee;
    while (callee.type === 'TSNonNullExpression' || callee.type === 'TSAsExpression' || callee.type === 'ChainExpression') callee = callee.type === 'ChainExpression' ? callee.expression : callee.expression;
    const name = callee.type === 'Identifier' ? callee : callee.type === 'MemberExpression' && !callee.computed ? callee.property : undefined;
    const tsNode = name && services.esTreeNodeToTSNodeMap.get(name);
    if (!tsNode) return undefined;
    try {
      const symbol = checker.getSymbolAtLocation(tsNode);
      if (!symbol) return undefined;
      const target = resolved(symbol);
      const declaration = target.declarations?.[0];
      // A library's function or method (lib.d.ts, node_modules): nothing of the project's; no type to ask for.
      if (!declaration || !isProjectSource(declaration.getSourceFile())) return undefined;
      const direct = exportPathOf(target);
      if (direct) return direct;
      // A parameter, field or local typed `typeof getCredentials`: the function its type declares.
      const typeSymbol = checker.getTypeOfSymbolAtLocation(target, tsNode).getSymbol();
      return typeSymbol && typeSymbol !== target ? exportPathOf(resolved(typeSymbol)) : undefined;
    } catch {
      return undefined; // the checker on a shape it does not expect: no typed answer, never a crash
    }
  };
}
