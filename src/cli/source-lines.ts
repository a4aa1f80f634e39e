// The texts of the files findings point into, read once per report, for what needs the source:
// rdjson's UTF-8 byte columns and suggestion ranges, SARIF's fingerprints.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

export class SourceTexts {
  private readonly texts = new Map<string, string | undefined>();
  constructor(private readonly cwd: string) {}

  /** The text of a file (path relative to the cwd), or undefined when unreadable. */
  text(file: string): string | undefined {
    if (!this.texts.has(file)) {
      let text: string | undefined;
      try {
        text = readFileSync(resolve(this.cwd, file), 'utf8');
      } catch {
        text = undefined;
      }
      this.texts.set(file, text);
    }
    return this.texts.get(file);
  }

  /** Line `line` (1-based) without its line ending, or '' when out of range. */
  line(file: string, line: number): string {
    return (this.text(file) ?? '').split(/\r?\n/)[line - 1] ?? '';
  }
}

/** 1-based line and UTF-16 column of an offset. */
export function lineColumnAt(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset);
  const lineStart = before.lastIndexOf('\n') + 1;
  return { line: before.split('\n').length, column: offset - lineStart + 1 };
}

/** A 1-based UTF-16 column of `lineText` as a 1-based UTF-8 byte column. */
export function utf8Column(lineText: string, column: number): number {
  return Buffer.byteLength(lineText.slice(0, column - 1), 'utf8') + 1;
}
