// `aws-credentials scan`: the plugin's rules over the project through ESLint's Node API.
import { ESLint } from 'eslint';
import { meta } from '../index.js';
import type { ScanArgs } from './args.js';
import { scanConfig } from './eslint-config.js';
import { listSourceFiles } from './files.js';
import { countByRule, scanResultOf, type ScanResult } from './findings.js';
import { EXIT, type Io } from './io.js';
import { toSarif } from './sarif.js';

export async function scanFiles(cwd: string, files: readonly string[], args: Pick<ScanArgs, 'config' | 'memoizers'>): Promise<ScanResult> {
  if (files.length === 0) return { filesScanned: 0, findings: [], errors: [] };
  const eslint = new ESLint({
    cwd,
    overrideConfigFile: true,
    overrideConfig: scanConfig({ config: args.config, memoizers: args.memoizers }),
    ignore: false,
    errorOnUnmatchedPattern: false,
    warnIgnored: false,
    cache: false,
  });
  const results = await eslint.lintFiles([...files]);
  return scanResultOf(cwd, files.length, results, meta.namespace);
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
  return `${lines.join('\n')}\n`;
}

export function scanExitCode(result: ScanResult): number {
  if (result.findings.length > 0) return EXIT.findings;
  return result.errors.length > 0 ? EXIT.usage : EXIT.ok;
}

export async function runScan(args: ScanArgs, cwd: string, io: Io): Promise<number> {
  const files = listSourceFiles(cwd, args.paths);
  const result = await scanFiles(cwd, files, args);
  if (args.format === 'json') {
    io.out(`${JSON.stringify({ tool: meta.name, version: meta.version, ...result, countsByRule: countByRule(result.findings) }, null, 2)}\n`);
  } else if (args.format === 'sarif') {
    io.out(`${JSON.stringify(toSarif(result, cwd), null, 2)}\n`);
  } else {
    io.out(formatText(result));
  }
  return scanExitCode(result);
}
