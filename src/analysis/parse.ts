// Parse a file the way the codemods need it: typescript-estree with ranges, comments, tokens and
// parent pointers, and the scope manager for the same tree.
import { analyze } from '@typescript-eslint/scope-manager';
import { parse } from '@typescript-eslint/typescript-estree';
import type { TSESTree } from '@typescript-eslint/utils';
import { findSites } from './sites.js';
import type { AnalysisOptions, ScopeManagerLike, Site } from './types.js';
import { collect } from './walk.js';

export interface Parsed {
  readonly ast: TSESTree.Program;
  readonly scopeManager: ScopeManagerLike;
}

/** `.ts`/`.mts`/`.cts` are plain TypeScript (`<T>x` is a cast there); everything else may hold JSX. */
const isPlainTypeScript = (filename: string): boolean => /\.(ts|mts|cts)$/.test(filename);

const ESM_STATEMENTS = new Set(['ImportDeclaration', 'ExportNamedDeclaration', 'ExportDefaultDeclaration', 'ExportAllDeclaration', 'TSExportAssignment', 'TSImportEqualsDeclaration']);

/**
 * `.cjs` files, and files that use `require`/`module.exports` without any `import`/`export`, are
 * scripts: their top-level bindings live in the global scope, as Node runs them. Everything else is
 * a module (which also allows top-level `await`).
 */
function sourceTypeOf(filename: string, text: string, ast: TSESTree.Program): 'script' | 'module' {
  if (/\.cjs$/.test(filename)) return 'script';
  if (/\.mjs$/.test(filename) || ast.body.some((statement) => ESM_STATEMENTS.has(statement.type))) return 'module';
  return /\brequire\s*\(|\bmodule\.exports\b|\bexports\.[\w$]+\s*=/.test(text) ? 'script' : 'module';
}

export function parseSource(text: string, filename: string): Parsed {
  const jsx = !isPlainTypeScript(filename);
  let ast: TSESTree.Program;
  try {
    ast = parse(text, { jsx, range: true, loc: true, comment: true, tokens: true, filePath: filename }) as TSESTree.Program;
  } catch (error) {
    const e = error as { lineNumber?: number; column?: number; message?: string };
    const where = e.lineNumber ? `${filename}:${e.lineNumber}:${(e.column ?? 0) + 1}` : `${filename}:1:1`;
    throw new SyntaxError(`${where} - cannot parse: ${e.message ?? String(error)}`, { cause: error });
  }
  collect(ast); // parent pointers, before anything walks up
  const sourceType = sourceTypeOf(filename, text, ast);
  const scopeManager = analyze(ast, { sourceType, jsxPragma: jsx ? 'React' : null }) as unknown as ScopeManagerLike;
  return { ast, scopeManager };
}

export function analyzeSource(text: string, filename: string, options?: AnalysisOptions): { sites: Site[] } {
  const { ast, scopeManager } = parseSource(text, filename);
  return { sites: findSites({ ast, scopeManager, text, filename }, options) };
}
