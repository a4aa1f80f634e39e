// Lint overhead: parse-only linting (same parser, plugin loaded, no rule on) against the
// recommended and strict configs, on real code from node_modules, several interleaved rounds.
// Standalone: `npm run build && node bench/lint.bench.mjs` (BENCH_ROUNDS, BENCH_FILES to tune).
// Goal: recommended costs <= 10 % over parsing alone.
// Typed mode is measured apart (`typedRun`, BENCH_TYPED=0 skips it): this repository's own
// TypeScript (src, rules, examples) under its tsconfig.json, since typed linting needs a program.
import { readdirSync, readFileSync } from 'node:fs';
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
  if (process.env.BENCH_TYPED !== '0') lines.push('', typedRun({ plugin, rounds, noop }).table);
  const table = lines.join('\n');
  return { table, result, ok };
}

function typeScriptFiles(dir) {
  const found = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory() && entry.name !== 'node_modules' && entry.name !== '__fixtures__') found.push(...typeScriptFiles(path));
    else if (entry.isFile() && /\.(?:c|m)?tsx?$/.test(entry.name) && !entry.name.endsWith('.d.ts')) found.push(path);
  }
  return found.sort();
}

/**
 * Typed mode's cost, on TypeScript files with a program (projectService): recommended-type-checked
 * against the same files parsed with type information and one no-op rule (what typed linting costs
 * any config), and the syntax-only configs on the same files for scale.
 */
export function typedRun({ plugin, rounds, noop }) {
  const files = ['src', 'rules', 'examples'].flatMap(dir => typeScriptFiles(join(ROOT, dir))).map(path => ({ filename: path, text: readFileSync(path, 'utf8') }));
  const ts = ['**/*.ts', '**/*.cts', '**/*.mts', '**/*.tsx'];
  const typedParse = { files: ts, languageOptions: { parser: tsParser, parserOptions: { projectService: true, tsconfigRootDir: ROOT } } };
  const syntaxParse = { files: ts, languageOptions: { parser: tsParser } };
  const noopRule = { plugins: { bench: { rules: { noop } } }, rules: { 'bench/noop': 'error' } };
  const configs = {
    'syntax parse + one no-op rule': [syntaxParse, noopRule],
    'recommended (syntax only)': [...plugin.configs.recommended],
    'typed parse + one no-op rule': [typedParse, noopRule],
    'recommended-type-checked': [...plugin.configs.recommendedTypeChecked, typedParse],
  };
  const linter = new Linter({ configType: 'flat' });
  const lintAll = config => {
    let findings = 0;
    const started = performance.now();
    for (const file of files) {
      for (const message of linter.verify(file.text, config, { filename: file.filename })) {
        if (message.fatal) throw new Error(`${file.filename}: ${message.message}`);
        if (message.ruleId?.startsWith('aws-credentials/')) findings++;
      }
    }
    return { ms: performance.now() - started, findings };
  };
  const names = Object.keys(configs);
  // Warm-up: JIT, and the project service's program (built by the first typed pass).
  const firstPass = Object.fromEntries(names.map(name => [name, lintAll(configs[name]).ms]));
  const times = Object.fromEntries(names.map(name => [name, []]));
  const counts = {};
  for (let round = 0; round < rounds; round++) {
    for (const name of names.map((_, i) => names[(i + round) % names.length])) {
      const { ms, findings } = lintAll(configs[name]);
      times[name].push(ms);
      counts[name] = findings;
    }
  }
  const ms = Object.fromEntries(names.map(name => [name, median(times[name])]));
  const pct = value => `${(value * 100).toFixed(1)} %`;
  const typedOverhead = ms['recommended-type-checked'] / ms['typed parse + one no-op rule'] - 1;
  const lines = [
    `Typed mode on ${files.length} TypeScript files of this repository (src, rules, examples; its tsconfig.json), ${rounds} interleaved rounds after a warm-up, median:`,
    '',
    '| config | ms/file | total ms | vs the same parse + one no-op rule | findings |',
    '| --- | ---: | ---: | ---: | ---: |',
  ];
  for (const name of names) {
    const baseline = name.startsWith('recommended-type') ? 'typed parse + one no-op rule' : name.startsWith('recommended') ? 'syntax parse + one no-op rule' : undefined;
    lines.push(`| ${name} | ${(ms[name] / files.length).toFixed(3)} | ${ms[name].toFixed(0)} | ${baseline ? pct(ms[name] / ms[baseline] - 1) : '—'} | ${counts[name]} |`);
  }
  lines.push(
    '',
    `Typed mode's rule cost: recommended-type-checked is ${pct(typedOverhead)} over typed parsing with one no-op rule (the program is built once, in the warm-up).`,
    `Warm, typed parsing takes ${(ms['typed parse + one no-op rule'] / ms['syntax parse + one no-op rule']).toFixed(2)}× the time of syntax-only parsing (the project service reuses a file's tree while its text is unchanged); the first pass, which builds the program, took ${firstPass['typed parse + one no-op rule'].toFixed(0)} ms against ${firstPass['syntax parse + one no-op rule'].toFixed(0)} ms. Every typed-linting config pays that, with or without this plugin.`,
  );
  return { table: lines.join('\n'), ms, typedOverhead };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const { table } = await run();
  console.log(table);
}
