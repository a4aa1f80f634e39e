// Lint overhead: parse-only linting (same parser, plugin loaded, no rule on) against the
// recommended and strict configs, on real code from node_modules, several interleaved rounds.
// Standalone: `npm run build && node bench/lint.bench.mjs` (BENCH_ROUNDS, BENCH_FILES to tune).
// Goal: recommended costs <= 10 % over parsing alone.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Linter } from 'eslint';
import tsParser from '@typescript-eslint/parser';
import { DUPLICATE_BUILD_DIRS, PACKAGE_MODULE_SOURCES, realFiles, ROOT } from '../scripts/corpus/real-files.mjs';

const MAX_BYTES = 256 * 1024;
const AWS_MODULES = ['@aws-sdk/', 'aws-sdk', 'aws-msk-iam-sasl-signer-js', '@smithy/signature-v4'];

/** A deterministic sample of real application-like code: the SDKs' own ES-module sources first. */
export function benchFiles(count) {
  const files = realFiles({ sources: PACKAGE_MODULE_SOURCES, cap: count, maxBytes: MAX_BYTES, skipDirs: DUPLICATE_BUILD_DIRS });
  // Absolute paths, as ESLint passes them: cross-file analysis follows each file's imports.
  return files.map(path => ({ path, filename: path, text: readFileSync(path, 'utf8') }));
}

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

export async function run({ rounds = Number(process.env.BENCH_ROUNDS ?? 7), fileCount = Number(process.env.BENCH_FILES ?? 1500) } = {}) {
  const { default: plugin } = await import(pathToFileURL(join(ROOT, 'dist/esm/src/index.js')).href);
  const files = benchFiles(fileCount);
  // node_modules is ignored by default; un-ignore it, since that is where the real code comes from.
  const base = [
    { ignores: ['!**/node_modules/'] },
    { linterOptions: { reportUnusedDisableDirectives: 'off' } }, // the files' own eslint comments name rules we do not load
    { files: ['**/*.js', '**/*.mjs'], languageOptions: { parser: tsParser, sourceType: 'module' } },
  ];
  // The same traversal any rule costs: one no-op rule on Program (ESLint skips traversal with no rules).
  const noop = { meta: { type: 'problem', schema: [] }, create: () => ({ Program() {} }) };
  const configs = {
    'parse only': [...base, { plugins: { 'aws-credentials': plugin } }],
    'parse + one no-op rule': [...base, { plugins: { bench: { rules: { noop } } }, rules: { 'bench/noop': 'error' } }],
    recommended: [...base, ...plugin.configs.recommended],
    strict: [...base, ...plugin.configs.strict],
  };
  const linter = new Linter({ configType: 'flat' });
  const lintAll = config => {
    let findings = 0;
    let fatal = 0;
    const started = performance.now();
    for (const file of files) {
      for (const message of linter.verify(file.text, config, { filename: file.filename })) {
        if (message.fatal) fatal++;
        else if (message.ruleId?.startsWith('aws-credentials/')) findings++;
        else if (/^(?:No matching configuration|File ignored)/.test(message.message)) throw new Error(`${file.filename}: not linted: ${message.message}`);
      }
    }
    return { ms: performance.now() - started, findings, fatal };
  };
  const names = Object.keys(configs);
  // Warm-up: JIT, parser caches.
  for (const name of names) lintAll(configs[name]);
  const times = Object.fromEntries(names.map(name => [name, []]));
  const counts = {};
  for (let round = 0; round < rounds; round++) {
    // Interleave, rotating the order so no config always runs first.
    const order = names.map((_, i) => names[(i + round) % names.length]);
    for (const name of order) {
      const { ms, findings, fatal } = lintAll(configs[name]);
      times[name].push(ms);
      counts[name] = { findings, fatal };
    }
  }
  const baseMs = median(times['parse only']);
  const noopMs = median(times['parse + one no-op rule']);
  const pct = value => `${(value * 100).toFixed(1)} %`;
  const lines = [
    `Lint overhead on ${files.length} real files from node_modules (@typescript-eslint/parser), ${rounds} interleaved rounds, median:`,
    '',
    '| config | ms/file | total ms | overhead vs parse only | overhead vs one no-op rule | findings | fatal parse errors |',
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: |',
  ];
  const result = {};
  for (const name of names) {
    const ms = median(times[name]);
    const overhead = ms / baseMs - 1;
    const overheadVsNoop = ms / noopMs - 1;
    result[name] = { msPerFile: ms / files.length, totalMs: ms, overhead, overheadVsNoop };
    lines.push(
      `| ${name} | ${(ms / files.length).toFixed(3)} | ${ms.toFixed(0)} | ${name === 'parse only' ? '—' : pct(overhead)} | ${name.startsWith('parse') ? '—' : pct(overheadVsNoop)} | ${counts[name].findings} | ${counts[name].fatal} |`,
    );
  }
  // The baseline for the goal is "parse + one no-op rule": ESLint skips traversal when no rule is
  // on, a cost every real config pays whatever plugin it adds.
  const ok = result.recommended.overheadVsNoop <= 0.1;
  const awsFiles = files.filter(file => AWS_MODULES.some(fragment => file.text.includes(fragment))).length;
  lines.push(
    '',
    `Goal: recommended <= 10 % over parsing with one no-op rule: ${ok ? 'met' : 'NOT met'} (${pct(result.recommended.overheadVsNoop)}; ${pct(result.recommended.overhead)} over parsing with no rule at all).`,
    `${awsFiles} of the ${files.length} files mention an AWS SDK module and get the full analysis; the rest take its fast path.`,
  );
  const table = lines.join('\n');
  return { table, result, ok };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const { table } = await run();
  console.log(table);
}
