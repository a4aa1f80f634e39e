#!/usr/bin/env node
// Scores the rules against the labelled public corpus (test/corpus/public/labels-*.json), running
// them the way users do: ESLint's Node API with the plugin's config, in the repository's own tree,
// so cross-file analysis sees the modules a file imports.
//
//   node scripts/corpus/evaluate-public.mjs --half train|validation [--config recommended|strict] [--dir D] [--json]
//
// The third-party repositories are never stored in this repository: each labelled repository is
// checked out at its recorded commit into `<dir>/<owner>__<repo>/` (default /tmp/public-corpus) from
// a local git snapshot (`--mirrors`, default /work/.mirror/<owner>+<repo>), or must already be there.
// Per labelled site (+/-2 lines):
//   - `finding` (and `strict` under --config strict): found when the labelled rule reports there;
//   - `ok` (and `strict` under recommended): a false positive when any rule reports there.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const WINDOW = 2;
const MEMOIZERS = ['memoize', 'pMemoize', 'once'];

const args = process.argv.slice(2);
const option = (name, fallback) => {
  const index = args.indexOf(`--${name}`);
  return index >= 0 ? args[index + 1] : fallback;
};
const half = option('half', 'train');
const configName = option('config', 'recommended');
const dir = resolve(option('dir', '/tmp/public-corpus'));
const mirrors = resolve(option('mirrors', '/work/.mirror'));
const json = args.includes('--json');

const labels = JSON.parse(readFileSync(join(ROOT, `test/corpus/public/labels-${half}.json`), 'utf8'));
const { ESLint } = await import('eslint');
const plugin = (await import(pathToFileURL(join(ROOT, 'dist/esm/src/index.js')).href)).default;
const tsParser = (await import('@typescript-eslint/parser')).default;

const SOURCE = /(\.(js|mjs|cjs|jsx|ts|mts|cts|tsx|json)|(^|\/)pnpm-workspace\.yaml)$/;

/**
 * Write the source files of `commit` (snapshots may lack large binaries, so `git archive` can fail)
 * into `target`, skipping node_modules.
 */
function writeSources(gitDir, commit, target) {
  const listing = execFileSync('git', ['--git-dir', gitDir, 'ls-tree', '-r', '-z', commit], { maxBuffer: 1 << 30 }).toString('utf8');
  const blobs = [];
  for (const entry of listing.split('\0')) {
    const match = /^\d+ blob ([0-9a-f]+)\t(.*)$/s.exec(entry);
    if (match && SOURCE.test(match[2]) && !match[2].split('/').includes('node_modules')) blobs.push({ id: match[1], path: match[2] });
  }
  const batch = execFileSync('git', ['--git-dir', gitDir, 'cat-file', '--batch'], { input: blobs.map((blob) => blob.id).join('\n') + '\n', maxBuffer: 1 << 30 });
  let offset = 0;
  for (const blob of blobs) {
    const headerEnd = batch.indexOf(10, offset);
    const header = batch.subarray(offset, headerEnd).toString('utf8');
    const size = Number(header.split(' ')[2]);
    offset = headerEnd + 1;
    if (!header.endsWith('missing')) {
      const file = join(target, blob.path);
      mkdirSync(dirname(file), { recursive: true });
      writeFileSync(file, batch.subarray(offset, offset + size));
      offset += size + 1;
    }
  }
}

/** Check the repository out at `commit` (once per commit) and return its folder. */
function checkout(repo, commit) {
  const target = join(dir, `${repo.replace('/', '__')}@${commit.slice(0, 12)}`);
  if (existsSync(join(target, '.complete'))) return target;
  const gitDir = join(mirrors, repo.replace('/', '+'));
  // A bare mirror at <owner>+<repo>/<name>, or a clone whose git dir is <owner>+<repo>/<name>/.git.
  const candidates = existsSync(gitDir) ? [gitDir, ...readdirSync(gitDir).flatMap((entry) => [join(gitDir, entry), join(gitDir, entry, '.git')])] : [];
  for (const candidate of candidates) {
    try {
      execFileSync('git', ['--git-dir', candidate, 'cat-file', '-e', `${commit}^{commit}`], { stdio: 'ignore' });
    } catch {
      continue; // not a git dir, or the commit is not in it
    }
    rmSync(target, { recursive: true, force: true });
    mkdirSync(target, { recursive: true });
    writeSources(candidate, commit, target);
    writeFileSync(join(target, '.complete'), '');
    return target;
  }
  return undefined;
}

const byRepoCommit = new Map();
for (const label of labels) {
  const key = `${label.repo}@${label.commit}`;
  if (!byRepoCommit.has(key)) byRepoCommit.set(key, []);
  byRepoCommit.get(key).push(label);
}

const config = configName === 'strict' ? plugin.configs.strict : plugin.configs.recommended;
// The configs are flat-config arrays; their rule settings, with the memoizer names added.
const configuredRules = Object.assign({}, ...[config].flat().map((block) => block.rules ?? {}));
const ruleOptions = Object.fromEntries(
  Object.entries(configuredRules).map(([id, setting]) => {
    const [severity, options] = Array.isArray(setting) ? setting : [setting];
    return [id, [severity, { memoizers: MEMOIZERS, ...(options ?? {}) }]];
  }),
);

const results = [];
const problems = [];
for (const [key, group] of byRepoCommit) {
  const [repo, commit] = key.split('@');
  const root = checkout(repo, commit);
  if (!root) {
    problems.push(`${repo}@${commit.slice(0, 12)}: no snapshot with that commit`);
    continue;
  }
  const eslint = new ESLint({
    cwd: root,
    overrideConfigFile: true,
    overrideConfig: [
      { files: ['**/*.{js,mjs,cjs,jsx,ts,mts,cts,tsx}'], plugins: { 'aws-credentials': plugin }, rules: ruleOptions, languageOptions: { ecmaVersion: 'latest', parserOptions: { ecmaFeatures: { jsx: true } } } },
      { files: ['**/*.{ts,mts,cts,tsx}'], languageOptions: { parser: tsParser } },
      { files: ['**/*.cjs'], languageOptions: { sourceType: 'commonjs' } },
    ],
    ignore: false,
  });
  const paths = [...new Set(group.map((label) => label.path))];
  const reports = new Map();
  for (const path of paths) {
    const file = join(root, path);
    if (!existsSync(file)) {
      problems.push(`${repo}/${path}: not in the checkout`);
      continue;
    }
    try {
      const [result] = await eslint.lintFiles([file]);
      reports.set(path, result.messages.filter((message) => message.ruleId?.startsWith('aws-credentials/')));
      for (const message of result.messages) if (message.fatal) problems.push(`${repo}/${path}:${message.line} ${message.message}`);
    } catch (error) {
      problems.push(`${repo}/${path}: ESLint threw: ${String(error?.message ?? error).split('\n')[0]}`);
    }
  }
  for (const label of group) {
    const messages = reports.get(label.path);
    if (!messages) continue;
    const near = messages.filter((message) => Math.abs(message.line - label.line) <= WINDOW);
    const expected = label.verdict === 'finding' || (label.verdict === 'strict' && configName === 'strict');
    const hit = expected ? near.some((message) => message.ruleId === `aws-credentials/${label.rule}`) : near.length > 0;
    results.push({ ...label, expected, hit, reported: near.map((message) => `${message.ruleId.replace('aws-credentials/', '')}:${message.messageId}@${message.line}`) });
  }
}

const pct = (n, d) => (d === 0 ? 'n/a' : `${((100 * n) / d).toFixed(1)} %`);
const score = (rows) => {
  const findings = rows.filter((row) => row.expected);
  const oks = rows.filter((row) => !row.expected);
  const found = findings.filter((row) => row.hit).length;
  const falsePositives = oks.filter((row) => row.hit).length;
  return { sites: rows.length, findings: findings.length, found, recall: pct(found, findings.length), ok: oks.length, falsePositives, falsePositiveRate: pct(falsePositives, oks.length) };
};
const classes = [...new Set(results.map((row) => row.class))].sort();
const summary = {
  half,
  config: configName,
  repositories: new Set(results.map((row) => row.repo)).size,
  total: score(results),
  perClass: Object.fromEntries(classes.map((name) => [name, score(results.filter((row) => row.class === name))])),
};
const where = (row) => `${row.repo}/${row.path}:${row.line}`;
const missed = results.filter((row) => row.expected && !row.hit);
const falsePositives = results.filter((row) => !row.expected && row.hit);

if (json) {
  console.log(JSON.stringify({ summary, missed, falsePositives, problems }, null, 2));
} else {
  const t = summary.total;
  console.log(`${half} half, ${configName}: ${t.sites} sites from ${summary.repositories} repositories`);
  console.log(`recall ${t.found}/${t.findings} = ${t.recall}; false positives ${t.falsePositives}/${t.ok} = ${t.falsePositiveRate}`);
  console.log('\n| class | recall | false positives |\n| --- | --- | --- |');
  for (const [name, s] of Object.entries(summary.perClass)) console.log(`| ${name} | ${s.found}/${s.findings} = ${s.recall} | ${s.falsePositives}/${s.ok} = ${s.falsePositiveRate} |`);
  console.log(`\nmisses (${missed.length}):`);
  for (const row of missed) console.log(`  ${where(row)} ${row.rule} [${row.api}] (${row.class}) ${row.why}${row.reported.length ? `  reported: ${row.reported.join(', ')}` : ''}`);
  console.log(`\nfalse positives (${falsePositives.length}):`);
  for (const row of falsePositives) console.log(`  ${where(row)} [${row.api}] (${row.class}) ${row.why}  reported: ${row.reported.join(', ')}`);
  if (problems.length > 0) {
    console.log(`\nproblems (${problems.length}):`);
    for (const problem of problems) console.log(`  ${problem}`);
  }
}
