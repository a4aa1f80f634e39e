// Parse a file the way the codemods need it: typescript-estree with ranges, comments and parent
// pointers, and the scope manager for the same tree.
import { analyze } from '@typescript-eslint/scope-manager';
import { parse } from '@typescript-eslint/typescript-estree';
import type { TSESTree } from '@typescript-eslint/utils';
import { findSites } from './sites.js';
import type { AnalysisOptions, ScopeManagerLike, Site } from './types.js';

export interface Parsed {
  readonly ast: TSESTree.Program;
  readonly scopeManager: ScopeManagerLike;
}

export function parseSource(text: string, filename: string): Parsed {
  const jsx = !/\.(ts|mts|cts)$/.test(filename);
  const sourceType = /\.cjs$/.test(filename) ? 'script' : 'module';
  let ast: TSESTree.Program;
  try {
    ast = parse(text, { jsx, range: true, loc: true, comment: true, tokens: false, filePath: filename }) as TSESTree.Program;
  } catch (error) {
    const e = error as { lineNumber?: number; column?: number; message?: string };
    const where = e.lineNumber ? `${filename}:${e.lineNumber}:${(e.column ?? 0) + 1}` : filename;
    throw new SyntaxError(`${where} - cannot parse: ${e.message ?? String(error)}`, { cause: error });
  }
  const scopeManager = analyze(ast, { sourceType, jsxPragma: jsx ? 'React' : null }) as unknown as ScopeManagerLike;
  return { ast, scopeManager };
}

export function analyzeSource(text: string, filename: string, options?: AnalysisOptions): { sites: Site[] } {
  const { ast, scopeManager } = parseSource(text, filename);
  return { sites: findSites({ ast, scopeManager, text, filename }, options) };
}
