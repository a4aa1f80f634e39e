// Codemod throughput: `aws-credentials fix` (planFix as the CLI runs it, --dry-run: the rules'
// selection, rewrites, re-parse of every output, the project step, package.json) and the `all`
// jscodeshift transform (analysis + fix plans + re-analysis), each against a no-op jscodeshift
// transform that only parses with jscodeshift's tsx parser, on the same >= 1,500 real files (the
// AWS SDKs' own sources, copied to a temp folder), each phase in its own child process so peak
// memory (process.resourceUsage().maxRSS) is per phase. The phases run in turn RUNS times
// (BENCH_RUNS, default 3) and each reports its fastest run, so load from other processes on a
// shared machine skews one phase less than the others. Prints a Markdown table with the ratios.
// Standalone: `npm run build && node bench/codemod.bench.mjs` (BENCH_FILES to tune).
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { DUPLICATE_BUILD_DIRS, PACKAGE_MODULE_SOURCES, realFiles, ROOT } from '../scripts/corpus/real-files.mjs';

const COUNT = Number(process.env.BENCH_FILES ?? 1600);
const RUNS = Math.max(1, Number(process.env.BENCH_RUNS ?? 3));
const MAX_BYTES = 128 * 1024;

/** Copies COUNT real files into a temp folder; returns the folder and the copied paths. */
function prepare() {
  const files = realFiles({ sources: PACKAGE_MODULE_SOURCES, cap: COUNT, maxBytes: MAX_BYTES, skipDirs: DUPLICATE_BUILD_DIRS });
  const dir = mkdtempSync(join(tmpdir(), 'aws-credentials-codemod-bench-'));
  const copied = files.map((file, index) => {
    const target = join(dir, `${String(index).padStart(5, '0')}-${file.split('/').pop()}`);
    copyFileSync(file, target);
    return target;
  });
  writeFileSync(join(dir, 'files.json'), JSON.stringify(copied));
  return { dir, files: copied };
}

/** One phase in this process: run `phase` over every file, print JSON timings. */
async function child(phase, listFile) {
  const files = JSON.parse(readFileSync(listFile, 'utf8'));
  const require = createRequire(join(ROOT, 'package.json'));
  const jscodeshift = require('jscodeshift').withParser('tsx');
  const api = { jscodeshift, j: jscodeshift, stats: () => {}, report: () => {} };
  if (phase === 'fix') return fixPhase(files);
  let transform;
  if (phase === 'noop') {
    transform = file => {
      jscodeshift(file.source);
      return file.source;
    };
  } else {
    transform = (await import(pathToFileURL(join(ROOT, 'dist/esm/codemods/all/transform.js')).href)).default;
  }
  const sources = files.map(path => ({ path, source: readFileSync(path, 'utf8') }));
  let changed = 0;
  let failed = 0;
  const start = process.hrtime.bigint();
  for (const file of sources) {
    try {
      if (transform(file, api, {}) !== file.source) changed += 1;
    } catch {
      failed += 1;
    }
  }
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  const bytes = sources.reduce((sum, file) => sum + file.source.length, 0);
  process.stdout.write(JSON.stringify({ phase, files: files.length, seconds, changed, failed, bytes, maxRSSKB: process.resourceUsage().maxRSS }));
}

/** `aws-credentials fix --dry-run` over the files, as the CLI plans it (nothing is written). */
async function fixPhase(files) {
  const { planFix } = await import(pathToFileURL(join(ROOT, 'dist/esm/src/cli/fix.js')).href);
  const bytes = files.reduce((sum, file) => sum + readFileSync(file, 'utf8').length, 0);
  const start = process.hrtime.bigint();
  const { summary } = planFix(dirname(files[0]), {
    paths: ['.'],
    files,
    memoizers: [],
    dryRun: true,
    diff: false,
    json: true,
    force: true,
    transform: 'all',
    noSharedModule: false,
    noPackageJson: false,
    noTypecheck: false,
  });
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  process.stdout.write(JSON.stringify({ phase: 'fix', files: files.length, seconds, changed: summary.filesRewritten.length, failed: summary.errors.length, bytes, maxRSSKB: process.resourceUsage().maxRSS }));
}

function runPhase(phase, listFile) {
  const out = execFileSync(process.execPath, [fileURLToPath(import.meta.url), '--phase', phase, listFile], { encoding: 'utf8', maxBuffer: 16 * 1024 * 1024 });
  return JSON.parse(out);
}

async function main() {
  const { dir, files } = prepare();
  try {
    const listFile = join(dir, 'files.json');
    const phases = ['noop', 'fix', 'all'];
    const runs = Array.from({ length: RUNS }, () => phases.map(phase => runPhase(phase, listFile)));
    const results = phases.map((_, index) => runs.map(run => run[index]).sort((a, b) => a.seconds - b.seconds)[0]);
    const [noop, fix, all] = results;
    const rate = result => result.files / result.seconds;
    const LABELS = { noop: 'no-op jscodeshift (tsx parse only)', fix: '`aws-credentials fix --dry-run`', all: '`all` jscodeshift transform (analysis + fixes)' };
    const lines = [
      `### Codemod throughput (${files.length} files, ${(all.bytes / 1024 / 1024).toFixed(1)} MB of AWS SDK and library sources, Node ${process.version}, fastest of ${RUNS} runs each)`,
      '',
      '| run | files | seconds | files/s | vs no-op | changed | errors | peak RSS (MB) |',
      '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
      ...results.map(
        result =>
          `| ${LABELS[result.phase]} | ${result.files} | ${result.seconds.toFixed(2)} | ${rate(result).toFixed(0)} | ${(rate(result) / rate(noop)).toFixed(2)}x | ${result.changed} | ${result.failed} | ${(result.maxRSSKB / 1024).toFixed(0)} |`,
      ),
      '',
      `\`fix\` runs at ${(rate(fix) / rate(noop)).toFixed(2)}x the no-op transform's throughput (goal: at least 0.9x), the \`all\` transform at ${(rate(all) / rate(noop)).toFixed(2)}x. ` +
        'Files that mention no AWS module are not parsed by either; every other file is parsed, analysed and, when a fix applies, analysed again (`fix` also re-parses each output).',
    ];
    process.stdout.write(`${lines.join('\n')}\n`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[2] === '--phase') {
  await child(process.argv[3], process.argv[4]);
} else {
  mkdirSync(tmpdir(), { recursive: true });
  await main();
}
