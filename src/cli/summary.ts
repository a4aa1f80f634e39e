// What `fix` did, as JSON and as text.
import { countByRule } from './findings.js';
import type { SourceError } from '../rewrite/source-error.js';
import { skippedLine, type SkippedFile } from './skipped.js';

export interface ManualNote {
  readonly file: string;
  readonly line: number;
  readonly column: number;
  readonly rule: string;
  readonly reason: string;
}

export interface FileProblem extends SourceError {
  readonly file: string;
}

export interface FixSummary {
  readonly dryRun: boolean;
  readonly filesScanned: number;
  readonly findingsByRule: Record<string, number>;
  readonly filesRewritten: readonly string[];
  readonly sitesRewritten: number;
  readonly sitesRewrittenByRule: Record<string, number>;
  readonly manual: readonly ManualNote[];
  /** Files skipped: unparsable input, a rewrite that would not parse, a write failure. */
  readonly errors: readonly FileProblem[];
  /** Source files by name left out as not source (dependency or tool folders, over 1 MiB, minified …). */
  readonly skipped: readonly SkippedFile[];
  /** Providers merged into shared modules (one per package): export name -> files using it. */
  readonly shared: readonly { readonly module: string; readonly exports: Record<string, readonly string[]> }[];
  /** Type errors the rewrite would add (TypeScript projects with a tsconfig). */
  readonly typeErrors: readonly FileProblem[];
  /** Every package.json a dependency was added to. */
  readonly packageJson: readonly string[];
  /** The package.json files that got the runtime package in `dependencies` (added or moved from devDependencies). */
  readonly runtimeDependency: readonly string[];
  readonly vendoredRuntime?: readonly string[];
}

export function summaryCounts(findings: readonly { rule: string }[]): Record<string, number> {
  return countByRule(findings);
}

function location(note: { file: string; line?: number; column?: number }): string {
  return `${note.file}:${note.line ?? 1}:${note.column ?? 1}`;
}

/**
 * What to tell a user whose package.json got the runtime package: it is not on the npm registry
 * yet, so their install fails until it is; it must be a production dependency, because rewritten
 * code imports it at run time; `--vendor-runtime` is the way without it. Fixed text, no network.
 */
export function runtimeDependencyNotice(summary: Pick<FixSummary, 'runtimeDependency' | 'dryRun'>): string | undefined {
  if (summary.runtimeDependency.length === 0) return undefined;
  return [
    `aws-credentials: ${summary.dryRun ? 'would add' : 'added'} eslint-plugin-aws-credentials to "dependencies" in ${summary.runtimeDependency.join(', ')}.`,
    '  The rewritten code imports eslint-plugin-aws-credentials/runtime at run time, so the package must be',
    '  a production dependency (not only a devDependency).',
    '  eslint-plugin-aws-credentials is not published on the npm registry yet: `npm install` fails with 404',
    '  until it is (or install it from a tarball or git URL you control).',
    '  Alternative: revert this run and run `aws-credentials fix --vendor-runtime <file.js>`, which copies',
    '  the dependency-free runtime into the repository and adds no dependency.',
    '',
  ].join('\n');
}

export function formatSummary(summary: FixSummary): string {
  const lines: string[] = [];
  const findings = Object.values(summary.findingsByRule).reduce((a, b) => a + b, 0);
  lines.push(`${summary.dryRun ? 'Dry run: nothing written. ' : ''}Files scanned: ${summary.filesScanned}`);
  const skipped = skippedLine(summary.skipped);
  if (skipped) lines.push(skipped);
  lines.push(`Findings: ${findings}${findings > 0 ? ` (${Object.entries(summary.findingsByRule).map(([rule, count]) => `${rule}: ${count}`).join(', ')})` : ''}`);
  lines.push(`Files ${summary.dryRun ? 'to rewrite' : 'rewritten'}: ${summary.filesRewritten.length}`);
  lines.push(`Sites ${summary.dryRun ? 'to rewrite' : 'rewritten'}: ${summary.sitesRewritten}`);
  for (const { module, exports } of summary.shared) {
    const shared = Object.entries(exports);
    if (shared.length > 0) lines.push(`Shared across files in ${module}: ${shared.map(([name, files]) => `${name} (${files.length} files)`).join(', ')}`);
  }
  if (summary.vendoredRuntime) lines.push(`Runtime vendored to: ${summary.vendoredRuntime.join(', ')}`);
  if (summary.packageJson.length > 0) lines.push(`Dependencies added to ${summary.packageJson.join(', ')}: run your package manager's install`);
  if (summary.manual.length > 0) {
    lines.push('', `Manual review (${summary.manual.length}):`);
    for (const note of summary.manual) lines.push(`  ${location(note)} - ${note.rule}: ${note.reason}`);
  }
  if (summary.typeErrors.length > 0) {
    lines.push('', `Type errors after the rewrite (${summary.typeErrors.length}):`);
    for (const problem of summary.typeErrors) lines.push(`  ${location(problem)} - ${problem.message}`);
  }
  if (summary.errors.length > 0) {
    lines.push('', `Skipped, not written (${summary.errors.length}):`);
    for (const problem of summary.errors) lines.push(`  ${location(problem)} - ${problem.message}`);
  }
  return `${lines.join('\n')}\n`;
}
