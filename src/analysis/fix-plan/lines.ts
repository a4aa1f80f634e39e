// Whole-line ranges of the source, for edits that remove a statement with its line.
import type { TSESTree } from '@typescript-eslint/utils';

/** The declaration's whole lines (its indentation and line break included), for removal. */
export function lineRange(text: string, node: TSESTree.Node): [number, number] {
  let start = node.range[0];
  while (start > 0 && (text[start - 1] === ' ' || text[start - 1] === '\t')) start -= 1;
  let end = node.range[1];
  while (end < text.length && (text[end] === ' ' || text[end] === '\t')) end += 1;
  if (text[end] === '\r') end += 1;
  if (text[end] === '\n') end += 1;
  return [start, end];
}
