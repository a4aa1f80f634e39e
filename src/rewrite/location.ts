// `file:line:col` for reports: line and column 1-based, like ESLint and compilers print them.
import type { Site } from '../analysis/types.js';

export interface Position {
  readonly line: number;
  readonly column: number;
}

/** 1-based line and column of an offset in `text`. */
export function positionAt(text: string, offset: number): Position {
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
