// What `scan` found, independent of how it is printed.
import type { ESLint } from 'eslint';
import { isAbsolute, relative, sep } from 'node:path';
import { readFileSync } from 'node:fs';
import { mentionsAws } from '../catalog/index.js';
import type { SkippedFile } from './skipped.js';

/** The text of a file ESLint could not parse (its result carries it, usually); '' when unreadable. */
function readText(file: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return '';
  }
}

export interface Finding {
  /** Path relative to the scan's cwd, with `/`. */
  readonly file: string;
  readonly line: number;
  readonly column: number;
  readonly endLine?: number;
  readonly endColumn?: number;
  /** Rule id without the plugin prefix, e.g. `no-per-request-client`. */
  readonly rule: string;
  readonly messageId?: string;
  readonly message: string;
  /** The rule's suggested edits (ESLint suggestions): source offsets and replacement text. */
  readonly suggestions?: readonly FindingSuggestion[];
}

export interface FindingSuggestion {
  readonly desc: string;
  readonly range: readonly [number, number];
  readonly text: string;
}

export interface FileError {
  readonly file: string;
  readonly line?: number;
  readonly column?: number;
  readonly message: string;
  /** The file does not parse (not: a rule crashed on it). */
  readonly unparsable?: true;
}

export interface ScanResult {
  readonly filesScanned: number;
  readonly findings: readonly Finding[];
  /** Files that could not be parsed (or crashed a rule): never silently clean. */
  readonly errors: readonly FileError[];
  /** Source files by name left out as not source (dependency or tool folders, over 1 MiB, minified, unparsable without an AWS import). */
  readonly skipped: readonly SkippedFile[];
}

/** A file as reports name it: relative to the cwd with `/`, or absolute when it lies outside the cwd. */
export function toPosix(cwd: string, file: string): string {
  const path = relative(cwd, file);
  if (path === '..' || path.startsWith(`..${sep}`) || isAbsolute(path)) return file;
  return path.split(sep).join('/');
}

export function scanResultOf(cwd: string, filesScanned: number, results: readonly ESLint.LintResult[], prefix: string): ScanResult {
  const findings: Finding[] = [];
  const errors: FileError[] = [];
  const skipped: SkippedFile[] = [];
  for (const result of results) {
    const file = toPosix(cwd, result.filePath);
    for (const message of result.messages) {
      if (message.fatal && !mentionsAws(result.source ?? readText(result.filePath))) {
        // A file that imports nothing of AWS cannot hold a finding: its parse error is not ours to report.
        skipped.push({ file: result.filePath, reason: 'unparsable-without-aws-import' });
        continue;
      }
      if (message.fatal || !message.ruleId) {
        if (message.fatal || message.severity === 2) errors.push({ file, line: message.line, column: message.column, message: message.message, ...(message.fatal ? { unparsable: true as const } : {}) });
        continue;
      }
      // Directives and inline configs naming rules of plugins this scan does not load.
      if (!message.ruleId.startsWith(`${prefix}/`)) continue;
      findings.push({
        file,
        line: message.line,
        column: message.column,
        ...(message.endLine !== undefined ? { endLine: message.endLine } : {}),
        ...(message.endColumn !== undefined ? { endColumn: message.endColumn } : {}),
        rule: message.ruleId.startsWith(`${prefix}/`) ? message.ruleId.slice(prefix.length + 1) : message.ruleId,
        ...(message.messageId ? { messageId: message.messageId } : {}),
        message: message.message,
        ...(message.suggestions && message.suggestions.length > 0
          ? { suggestions: message.suggestions.map(suggestion => ({ desc: suggestion.desc, range: suggestion.fix.range, text: suggestion.fix.text })) }
          : {}),
      });
    }
  }
  return { filesScanned, findings, errors, skipped };
}

export function countByRule(findings: readonly { rule: string }[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const finding of findings) counts[finding.rule] = (counts[finding.rule] ?? 0) + 1;
  return counts;
}
