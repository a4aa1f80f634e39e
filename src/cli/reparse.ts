// Every output must parse before it is written, by the same parse the analysis uses
// (typescript-estree, then the ways Node loads JavaScript), so valid sloppy-mode scripts and
// CommonJS with a top-level `return` are not called broken.
import { parseSource } from '../analysis/parse.js';
import { parseErrorOf, type SourceError } from '../rewrite/source-error.js';

/** Undefined when `text` parses, else where and why it does not. */
export function parseProblem(file: string, text: string): SourceError | undefined {
  try {
    parseSource(text, file);
    return undefined;
  } catch (error) {
    return parseErrorOf(error, file, text);
  }
}
