// Every output must parse before it is written: typescript-estree with JSX on for the
// extensions that allow it (never for .ts/.mts/.cts, where `<T>x` is a type assertion).
import { parse } from '@typescript-eslint/typescript-estree';
import { parseErrorOf, type SourceError } from '../rewrite/source-error.js';

export function jsxAllowed(file: string): boolean {
  return !/\.(c|m)?ts$/.test(file);
}

/** Undefined when `text` parses, else where and why it does not. */
export function parseProblem(file: string, text: string): SourceError | undefined {
  try {
    parse(text, { filePath: file, jsx: jsxAllowed(file), loc: false, range: false, comment: false, errorOnUnknownASTType: false });
    return undefined;
  } catch (error) {
    return parseErrorOf(error, file, text);
  }
}
