// `file:line:col` for reports: line and column 1-based, like ESLint and compilers print them;
// and a line carried from one version of a text to the next.
import { diffLines } from 'diff';
import type { Site } from '../analysis/types.js';

export interface Position {
  readonly line: number;
  readonly column: number;
}

/** 1-based line and column of an offset in `text`. */
function positionAt(text: string, offset: number): Position {
  let line = 1;
  let lineStart = 0;
  for (let index = text.indexOf('\n'); index !== -1 && index < offset; index = text.indexOf('\n', index + 1)) {
    line += 1;
    lineStart = index + 1;
  }
  return { line, column: offset - lineStart + 1 };
}

/** The 1-based position of a site's node (ESTree `loc` columns are 0-based). */
export function sitePosition(site: Site, text: string): Position {
  const loc = site.node.loc as { start: { line: number; column: number } } | undefined;
  if (loc) return { line: loc.start.line, column: loc.start.column + 1 };
  return positionAt(text, site.node.range?.[0] ?? 0);
}

export function formatLocation(file: string, position: Position): string {
  return `${file}:${position.line}:${position.column}`;
}

/**
 * The line in `to` that holds line `line` of `from`, when `to` was made from `from` by edits
 * elsewhere (the project step removing a declaration above, adding an import): lines are matched
 * by a line diff. A line the edits changed maps to where its change landed.
 */
export function mapLine(from: string, to: string, line: number): number {
  if (from === to) return line;
  let oldLine = 1;
  let newLine = 1;
  for (const part of diffLines(from, to)) {
    const count = part.count ?? 0;
    if (part.added) {
      newLine += count;
      continue;
    }
    if (line < oldLine + count) return part.removed ? newLine : newLine + (line - oldLine);
    oldLine += count;
    if (!part.removed) newLine += count;
  }
  return newLine;
}
