// The parser `scan` gives ESLint for JavaScript: espree, trying each way Node could load the file
// (a module, then CommonJS: a sloppy-mode script where a top-level `return` is allowed), so valid
// scripts are not reported as parse errors. The scope manager (ESLint's own) matches the mode
// that parsed.
import type { Linter } from 'eslint';
import tsParser from '@typescript-eslint/parser';
import { VisitorKeys } from 'espree';
import { javaScriptModes, javaScriptScopes, parseJavaScript } from '../analysis/parse.js';

function parseForESLint(text: string, options: { filePath?: string } = {}): { ast: unknown; scopeManager: unknown; visitorKeys: unknown } {
  const filename = options.filePath ?? 'file.js';
  const modes = javaScriptModes(filename);
  let firstError: unknown;
  for (const mode of modes.length > 0 ? modes : (['module'] as const)) {
    try {
      const ast = parseJavaScript(text, filename, mode);
      return { ast, scopeManager: javaScriptScopes(ast, mode), visitorKeys: VisitorKeys };
    } catch (error) {
      firstError ??= error; // the module error is the one to show for a file that is neither
    }
  }
  // Syntax Node still runs that espree has dropped (`import x from './y.json' assert { type: 'json' }`):
  // typescript-estree reads it. Its error is not shown: the module error is the clearer one.
  if (!/\bassert\s*\{/.test(text)) throw firstError;
  try {
    return tsParser.parseForESLint(text, { filePath: filename, jsx: true, sourceType: 'module', ecmaVersion: 'latest' as never }) as unknown as { ast: unknown; scopeManager: unknown; visitorKeys: unknown };
  } catch {
    throw firstError;
  }
}

export const nodeJsParser = {
  meta: { name: 'aws-credentials/node-javascript' },
  parseForESLint,
} as unknown as Linter.Parser;
