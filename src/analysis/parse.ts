// Parse a file the way the codemods need it: typescript-estree with ranges, comments and parent
// pointers (no token list: nothing reads it, and building it is an eighth of the parse), and the
// scope manager for the same tree. JavaScript that typescript-estree
// rejects but Node runs (sloppy-mode scripts: legacy octals, `with`; CommonJS with a top-level
// `return`) is parsed again with espree the way Node would load it, before it is called an error.
import { analyze } from '@typescript-eslint/scope-manager';
import { parse } from '@typescript-eslint/typescript-estree';
import * as eslintScope from 'eslint-scope';
import * as espree from 'espree';
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

export type JavaScriptMode = 'module' | 'commonjs' | 'script';

/**
 * How Node could load a JavaScript file, in the order to try: `.mjs` only as a module, `.cjs` only
 * as CommonJS (a sloppy script with top-level `return`), `.js`/`.jsx` as a module first (ESM syntax
 * detection), then CommonJS. TypeScript files have no such fallback.
 */
export function javaScriptModes(filename: string): readonly JavaScriptMode[] {
  if (/\.mjs$/.test(filename)) return ['module'];
  if (/\.cjs$/.test(filename)) return ['commonjs'];
  if (/\.jsx?$/.test(filename)) return ['module', 'commonjs'];
  return [];
}

/** espree's ESTree (with ranges, locations, tokens and comments) for one way Node loads a file. */
export function parseJavaScript(text: string, filename: string, mode: JavaScriptMode): TSESTree.Program {
  return espree.parse(text, {
    ecmaVersion: 'latest',
    sourceType: mode,
    ecmaFeatures: { jsx: !/\.(c|m)js$/.test(filename), globalReturn: mode === 'commonjs' },
    range: true,
    loc: true,
    tokens: true,
    comment: true,
  }) as unknown as TSESTree.Program;
}

/**
 * ESLint's own scope analysis for espree's tree (typescript-eslint's expects typescript-estree's
 * extra properties), in the mode it parsed in: CommonJS gets Node's function scope.
 */
export function javaScriptScopes(ast: TSESTree.Program, mode: JavaScriptMode): ScopeManagerLike {
  return eslintScope.analyze(ast as never, {
    ecmaVersion: 2026,
    sourceType: mode,
    nodejsScope: mode === 'commonjs',
    childVisitorKeys: espree.VisitorKeys,
  }) as unknown as ScopeManagerLike;
}

/** The first way Node loads the file that parses, or undefined when none does. */
function nodeFallback(text: string, filename: string): { ast: TSESTree.Program; mode: JavaScriptMode } | undefined {
  for (const mode of javaScriptModes(filename)) {
    if (mode === 'module') continue; // typescript-estree already parsed it as one
    try {
      return { ast: parseJavaScript(text, filename, mode), mode };
    } catch {
      // try the next mode
    }
  }
  return undefined;
}

/**
 * JavaScript with espree and eslint-scope (ESLint's own parser, a fraction of typescript-estree's
 * cost, which converts TypeScript's tree), with the scopes the typescript-estree path gives: a
 * script's top-level names in the global scope (`.cjs`; a `.js` file without import/export that
 * uses require/module.exports), Node's function scope only for a top-level `return`. Undefined
 * when espree rejects it (TypeScript syntax in a `.js` file): typescript-estree then decides.
 */
function parseAsNodeLoadsIt(text: string, filename: string): Parsed | undefined {
  const modes = javaScriptModes(filename);
  for (const mode of modes[0] === 'commonjs' ? (['script', ...modes] as const) : modes) {
    let ast: TSESTree.Program;
    try {
      ast = parseJavaScript(text, filename, mode);
    } catch {
      continue;
    }
    collect(ast);
    const scopes = mode === 'module' && sourceTypeOf(filename, text, ast) === 'script' ? 'script' : mode;
    return { ast, scopeManager: javaScriptScopes(ast, scopes) };
  }
  return undefined;
}

/**
 * A byte-order mark before a `#!` line: Node and ESLint accept it, the parsers do not (a hashbang
 * must start the text). Parsed as a line comment of the same length, so every offset still points
 * into the real text.
 */
function withoutBomHashbang(text: string): string {
  return text.startsWith('\uFEFF#!') ? ` //${text.slice(3)}` : text;
}

export function parseSource(original: string, filename: string): Parsed {
  const text = withoutBomHashbang(original);
  const javaScript = parseAsNodeLoadsIt(text, filename);
  if (javaScript) return javaScript;
  const jsx = !isPlainTypeScript(filename);
  let ast: TSESTree.Program;
  try {
    ast = parse(text, { jsx, range: true, loc: true, comment: true, filePath: filename }) as TSESTree.Program;
  } catch (error) {
    const fallback = nodeFallback(text, filename);
    if (!fallback) {
      const e = error as { lineNumber?: number; column?: number; message?: string };
      const where = e.lineNumber ? `${filename}:${e.lineNumber}:${(e.column ?? 0) + 1}` : `${filename}:1:1`;
      throw new SyntaxError(`${where} - cannot parse: ${e.message ?? String(error)}`, { cause: error });
    }
    collect(fallback.ast);
    return { ast: fallback.ast, scopeManager: javaScriptScopes(fallback.ast, fallback.mode) };
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
