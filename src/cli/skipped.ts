// Files `scan` and `fix` leave out although their names say source: under a dependency or tool
// folder (git lists them when they are committed: `.yarn/releases`, a checked-in `cdk.out`), over
// 1 MiB, minified, or unparsable and importing no AWS module. Each is named with its reason, in
// `--json` and as one line of the text output, so nothing is left out silently.
import { closeSync, openSync, readSync, statSync } from 'node:fs';
import { toPosix } from './findings.js';

export type SkipReason = 'folder' | 'too-large' | 'minified' | 'unparsable-without-aws-import';

export interface SkippedFile {
  /** Relative to the cwd with `/` in reports; absolute while files are listed. */
  readonly file: string;
  readonly reason: SkipReason;
}

/** Larger files are generated or bundled: none of them is hand-written source worth a parse. */
const MAX_FILE_BYTES = 1024 * 1024;
/** How much of a file the minified check reads: a bundle shows its shape in the first lines. */
const SAMPLE_BYTES = 64 * 1024;
/** A line this long, in a file whose lines average AVERAGE_LINE or more, is minified output. */
const LONG_LINE = 1000;
const AVERAGE_LINE = 200;

const MINIFIED_NAME = /\.min\.[cm]?js$|[.-]bundle\.[cm]?js$/;

/**
 * Minified: named so, or shaped so (a line of 1,000+ characters in a sample averaging 200+ per
 * line). Hand-written code with one long string literal averages far less than that.
 */
function isMinified(file: string, sample: string): boolean {
  if (MINIFIED_NAME.test(file)) return true;
  const lines = sample.split('\n');
  const longest = Math.max(...lines.map(line => line.length));
  return longest >= LONG_LINE && sample.length / lines.length >= AVERAGE_LINE;
}

function sampleOf(file: string): string {
  const fd = openSync(file, 'r');
  try {
    const buffer = Buffer.alloc(SAMPLE_BYTES);
    const read = readSync(fd, buffer, 0, SAMPLE_BYTES, 0);
    return buffer.subarray(0, read).toString('utf8');
  } finally {
    closeSync(fd);
  }
}

/** Why a listed source file is not source to analyse, from its size and first bytes; undefined to keep it. */
export function contentSkipReason(file: string): SkipReason | undefined {
  let size: number;
  try {
    size = statSync(file).size;
  } catch {
    return undefined; // reading it later reports the problem
  }
  if (size > MAX_FILE_BYTES) return 'too-large';
  if (MINIFIED_NAME.test(file)) return 'minified';
  try {
    return isMinified(file, sampleOf(file)) ? 'minified' : undefined;
  } catch {
    return undefined;
  }
}

/** The entries as reports name them (relative to the cwd with `/`), sorted by file. */
export function relativeSkipped(cwd: string, skipped: readonly SkippedFile[]): SkippedFile[] {
  return skipped.map(entry => ({ ...entry, file: toPosix(cwd, entry.file) })).sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
}

const REASON_TEXT: Record<SkipReason, string> = {
  'folder': 'in a dependency, build or tool folder',
  'too-large': 'over 1 MiB',
  minified: 'minified',
  'unparsable-without-aws-import': 'unparsable, with no AWS import',
};

/** `Skipped 3 files that are not source: 2 in a dependency, build or tool folder, 1 minified (--json names them).` */
export function skippedLine(skipped: readonly SkippedFile[]): string | undefined {
  if (skipped.length === 0) return undefined;
  const counts = new Map<SkipReason, number>();
  for (const { reason } of skipped) counts.set(reason, (counts.get(reason) ?? 0) + 1);
  const parts = (Object.keys(REASON_TEXT) as SkipReason[]).filter(reason => counts.has(reason)).map(reason => `${counts.get(reason)} ${REASON_TEXT[reason]}`);
  return `Skipped ${skipped.length} file${skipped.length === 1 ? '' : 's'} that ${skipped.length === 1 ? 'is' : 'are'} not source: ${parts.join(', ')} (--json names them).`;
}
