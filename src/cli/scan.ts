// `aws-credentials scan`: the plugin's rules over the project through ESLint's Node API.
import { dirname, resolve, sep } from 'node:path';
import { ESLint } from 'eslint';
import { meta } from '../index.js';
import type { ScanArgs } from './args.js';
import { changedLinesSince, touchesChange, type ChangedLines } from './changed-lines.js';
import { scanConfig } from './eslint-config.js';
import { countByRule, scanResultOf, type ScanResult } from './findings.js';
import { EXIT, type Io } from './io.js';
import { createProgress } from './progress.js';
import { listProjectFiles } from './project-files.js';
import { toRdjson } from './rdjson.js';
import { toSarif } from './sarif.js';
import { SourceTexts } from './source-lines.js';
import { relativeSkipped, skippedLine } from './skipped.js';

/** Files per ESLint call: small enough for progress to move, large enough to cost nothing. */
const BATCH = 25;

export async function scanFiles(
  cwd: string,
  files: readonly string[],
  args: Pick<ScanArgs, 'config' | 'memoizers'>,
  onFile: (file: string) => void = () => {},
): Promise<ScanResult> {
  if (files.length === 0) return { filesScanned: 0, findings: [], errors: [], skipped: [] };
  const eslint = new ESLint({
    // ESLint skips files outside its cwd (the config's base): lint from a folder holding them all.
    cwd: commonFolder([cwd, ...files.map(file => dirname(file))]),
    overrideConfigFile: true,
    overrideConfig: scanConfig({ config: args.config, memoizers: args.memoizers }),
    ignore: false,
    errorOnUnmatchedPattern: false,
    warnIgnored: false,
    cache: false,
  });
  const results: ESLint.LintResult[] = [];
  for (let start = 0; start < files.length; start += BATCH) {
    const batch = files.slice(start, start + BATCH);
    results.push(...(await eslint.lintFiles([...batch])));
    for (const file of batch) onFile(file);
  }
  return scanResultOf(cwd, files.length, results, meta.namespace);
}

function commonFolder(folders: readonly string[]): string {
  let common = resolve(folders[0]!);
  for (const folder of folders.slice(1)) {
    const target = resolve(folder);
    while (target !== common && !target.startsWith(common.endsWith(sep) ? common : `${common}${sep}`)) common = dirname(common);
  }
  return common;
}

/** Only what the change touched: findings on added or changed lines, errors in changed files. */
export function onlyChanged(result: ScanResult, cwd: string, changed: ChangedLines): ScanResult {
  return {
    filesScanned: result.filesScanned,
    findings: result.findings.filter(finding => touchesChange(changed, resolve(cwd, finding.file), finding.line, finding.endLine ?? finding.line)),
    errors: result.errors.filter(error => changed.has(resolve(cwd, error.file))),
    skipped: result.skipped.filter(entry => changed.has(resolve(cwd, entry.file))),
  };
}

export function formatText(result: ScanResult): string {
  const lines: string[] = [];
  for (const error of result.errors) {
    lines.push(`${error.file}:${error.line ?? 1}:${error.column ?? 1} parse-error ${error.message}`);
  }
  for (const finding of result.findings) {
    lines.push(`${finding.file}:${finding.line}:${finding.column} ${finding.rule} ${finding.message}`);
  }
  const counts = Object.entries(countByRule(result.findings))
    .map(([rule, count]) => `${rule}: ${count}`)
    .join(', ');
  const files = new Set(result.findings.map(finding => finding.file)).size;
  lines.push(
    result.findings.length === 0
      ? `No findings in ${result.filesScanned} file${result.filesScanned === 1 ? '' : 's'}.`
      : `${result.findings.length} finding${result.findings.length === 1 ? '' : 's'} in ${files} of ${result.filesScanned} files (${counts}).`,
  );
  if (result.errors.length > 0) lines.push(`${result.errors.length} file${result.errors.length === 1 ? '' : 's'} could not be parsed.`);
  const skipped = skippedLine(result.skipped);
  if (skipped) lines.push(skipped);
  return `${lines.join('\n')}\n`;
}

export function scanExitCode(result: ScanResult): number {
  if (result.findings.length > 0) return EXIT.findings;
  return result.errors.length > 0 ? EXIT.usage : EXIT.ok;
}

/** The findings as `--format` prints them. */
export function formatScan(result: ScanResult, format: ScanArgs['format'], cwd: string): string {
  const texts = new SourceTexts(cwd);
  switch (format) {
    case 'json':
      return `${JSON.stringify({ tool: meta.name, version: meta.version, ...result, countsByRule: countByRule(result.findings) }, null, 2)}\n`;
    case 'sarif':
      return `${JSON.stringify(toSarif(result, cwd, texts), null, 2)}\n`;
    case 'rdjson':
      return `${JSON.stringify(toRdjson(result, texts))}\n`;
    default:
      return formatText(result);
  }
}

export async function runScan(args: ScanArgs, cwd: string, io: Io): Promise<number> {
  const changed = args.changedSince === undefined ? undefined : changedLinesSince(cwd, args.changedSince);
  const listed = await listProjectFiles(cwd, args, io);
  // With --changed-since only the changed files can have a finding to report.
  const files = changed ? listed.files.filter(file => changed.has(file)) : listed.files;
  const progress = createProgress(io, files.length, { enabled: args.progress || io.errIsTTY });
  let result: ScanResult;
  try {
    result = await scanFiles(cwd, files, args, file => progress.tick(file));
  } finally {
    progress.done();
  }
  result = { ...result, skipped: relativeSkipped(cwd, [...listed.skipped, ...result.skipped]) };
  if (changed) result = onlyChanged(result, cwd, changed);
  io.out(formatScan(result, args.format, cwd));
  return scanExitCode(result);
}
