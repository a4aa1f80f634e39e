// A file that does not parse (or whose rewrite would not): where, and what the parser said.
import type { Position } from './location.js';

export interface SourceError extends Partial<Position> {
  readonly message: string;
  /** The input itself does not parse (not: the rewrite would not, or a write failed). */
  readonly unparsable?: true;
}

/**
 * The position of a parse error: typescript-estree's TSError carries `location.start`
 * (`lineNumber`, 1-based `column`), the analysis' error names `file:line:col` in its message,
 * and espree-style errors carry `lineNumber`/`column`.
 */
export function parseErrorOf(error: unknown, filename: string, _text: string): SourceError {
  const message = error instanceof Error ? error.message : String(error);
  const any = error as { location?: { start?: { line?: number; column?: number } }; lineNumber?: number; column?: number };
  const start = any?.location?.start;
  if (start && typeof start.line === 'number' && typeof start.column === 'number') {
    return { message: stripLocation(message, filename), line: start.line, column: start.column + 1 };
  }
  const match = /:(\d+):(\d+)\b/.exec(message);
  if (match) return { message: stripLocation(message, filename), line: Number(match[1]), column: Number(match[2]) };
  if (typeof any?.lineNumber === 'number') return { message, line: any.lineNumber, ...(typeof any.column === 'number' ? { column: any.column } : {}) };
  return { message };
}

/** The message without a leading `file:line:col` (the report prints its own). */
function stripLocation(message: string, filename: string): string {
  const prefix = new RegExp(`^${escape(filename)}:\\d+:\\d+\\s*[-:]?\\s*`);
  return message.replace(prefix, '').replace(/^.*?:\d+:\d+\s+-\s+/, '');
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
