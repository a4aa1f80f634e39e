// The summary printed on stderr at exit: one row per identity, worst first, bounded in length.
import type { IdentityReport, WatchReport } from './types.js';

/** A scanner over thousands of roles must not print thousands of rows. */
const MAX_ROWS = 15;

export interface TableOptions {
  /** Deep mode was on: no hint to turn it on under identities whose frames are all library code. */
  readonly deep?: boolean;
}

export function formatTable(report: WatchReport, options: TableOptions = {}): string {
  const { identities } = report;
  const over = identities.filter((identity) => identity.overBudget);
  const fetches = identities.reduce((sum, identity) => sum + identity.fetches, 0);
  const lines = [
    `aws-credentials watch: ${fetches} credential fetch${fetches === 1 ? '' : 'es'} for ${identities.length} identit${identities.length === 1 ? 'y' : 'ies'}; ` +
      (over.length === 0 ? 'none over budget' : `${over.length} over budget`),
  ];
  if (identities.length === 0) return lines[0] + '\n';
  const header = ['kind', 'identity', 'fetches', 'window', 'budget', 'verdict', 'first app frames'];
  const rows = identities.slice(0, MAX_ROWS).map(rowOf);
  const widths = header.map((title, column) => Math.max(title.length, ...rows.map((row) => row[column]!.length)));
  const format = (cells: readonly string[]) => cells.map((cell, column) => (column === cells.length - 1 ? cell : cell.padEnd(widths[column]!))).join('  ').trimEnd();
  lines.push(format(header), ...rows.map(format));
  if (identities.length > MAX_ROWS) {
    const hidden = identities.slice(MAX_ROWS);
    lines.push(`… ${hidden.length} more identities (${hidden.filter((identity) => identity.overBudget).length} over budget); AWS_CREDENTIALS_WATCH_JSON=<file> lists them all`);
  }
  if (options.deep !== true && identities.some(libraryOnly)) lines.push(LIBRARY_HINT);
  return lines.join('\n') + '\n';
}

/** Shown when an identity over budget is traced only to library frames and deep mode is off. */
const LIBRARY_HINT =
  '(library) frames: the async stack ended inside a library (one awaiting through `.then`, such as `__awaiter`); AWS_CREDENTIALS_WATCH_DEEP=1 follows the async ancestry to the application frame';

function libraryOnly(identity: IdentityReport): boolean {
  return identity.overBudget && identity.frames.length > 0 && identity.frames.every((frame) => frame.startsWith('(library) '));
}

function rowOf(identity: IdentityReport): string[] {
  return [
    identity.kind,
    identity.identity,
    String(identity.fetches),
    `${identity.windowSeconds.toFixed(1)} s`,
    String(identity.budget),
    identity.overBudget ? 'OVER BUDGET' : 'ok',
    identity.overBudget ? identity.frames.join(' < ') || '(no application frame)' : '',
  ];
}
