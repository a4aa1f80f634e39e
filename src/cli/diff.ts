// A unified diff (`diff -u` format, 3 lines of context) of one file's old and new text, by the
// `diff` package; `--- /dev/null` for a new file.
import { createTwoFilesPatch, FILE_HEADERS_ONLY } from 'diff';

const CONTEXT = 3;

/** `--- a/<file>` (`/dev/null` for a new file) / `+++ b/<file>` and its hunks; empty when the texts are equal. */
export function unifiedDiff(file: string, original: string | undefined, after: string): string {
  if (original !== undefined && original === after) return '';
  const oldName = original === undefined ? '/dev/null' : `a/${file}`;
  return createTwoFilesPatch(oldName, `b/${file}`, original ?? '', after, undefined, undefined, { context: CONTEXT, headerOptions: FILE_HEADERS_ONLY });
}
