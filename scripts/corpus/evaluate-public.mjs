#!/usr/bin/env node
// Measures the analysis against the labelled public corpus (test/corpus/public/sites.json).
//
//   node scripts/corpus/evaluate-public.mjs [dir] [--json]
//
// `dir` (default /tmp/public-corpus) holds the fetched third-party files laid out as
// `<dir>/<owner>__<repo>/<path>`; they are never stored in this repository. For every labelled site:
//   - a `finding` counts as found when a site of the labelled rule is reported within +/-2 lines;
//   - an `ok` counts as a false positive when any site is reported within +/-2 lines.
// recall = found / findings, false-positive rate = false positives / ok sites.
// Reports on lines no label covers are listed separately (informational, not scored).
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const SITES = join(ROOT, 'test/corpus/public/sites.json');
const ANALYSIS = join(ROOT, 'dist/esm/src/analysis/index.js');
const MEMOIZERS = ['memoize', 'pMemoize', 'once']; // the same options as test/corpus/corpus.test.ts
const WINDOW = 2;

const args = process.argv.slice(2);
const json = args.includes('--json');
const dir = resolve(args.find((arg) => !arg.startsWith('--')) ?? '/tmp/public-corpus');

/** dist is rebuilt concurrently by other jobs: wait for it instead of failing on a half-written tree. */
async function loadAnalysis() {
  let lastError;
  for (let attempt = 0; attempt < 10; attempt++) {
    try {
      if (!existsSync(ANALYSIS)) throw new Error(`${ANALYSIS} is missing (run \`node scripts/build.mjs\`)`);
      return await import(`${pathToFileURL(ANALYSIS).href}?attempt=${attempt}`);
    } catch (error) {
      lastError = error;
      await new Promise((done) => setTimeout(done, 1000 * (attempt + 1)));
    }
  }
  throw lastError;
}

const { analyzeSource } = await loadAnalysis();
const labels = JSON.parse(readFileSync(SITES, 'utf8'));

const byFile = new Map();
for (const label of labels) {
  const key = `${label.repo}\u0000${label.path}`;
  if (!byFile.has(key)) byFile.set(key, []);
  byFile.get(key).push(label);
}

const fileOf = (label) => join(dir, label.repo.replace('/', '__'), label.path);
const where = (label) => `${label.repo}/${label.path}:${label.line}`;
const describe = (site) => `${site.rule} (${site.data?.name ?? site.messageId}, ${site.data?.context ?? site.frequency?.reason ?? ''})`;

const missed = [];
const falsePositives = [];
const unlabelled = [];
const problems = [];
let findings = 0;
let found = 0;
let oks = 0;
let files = 0;

for (const fileLabels of byFile.values()) {
  const path = fileOf(fileLabels[0]);
  let reported = [];
  if (!existsSync(path)) {
    problems.push(`${fileLabels[0].repo}/${fileLabels[0].path}: file not fetched (${path})`);
  } else {
    files++;
    try {
      reported = analyzeSource(readFileSync(path, 'utf8'), path, { memoizers: MEMOIZERS }).sites.map((site) => ({
        line: site.node.loc.start.line,
        rule: site.rule,
        text: describe(site),
      }));
    } catch (error) {
      problems.push(`${fileLabels[0].repo}/${fileLabels[0].path}: analysis threw: ${String(error?.message ?? error).split('\n')[0]}`);
    }
  }
  const near = (line) => reported.filter((site) => Math.abs(site.line - line) <= WINDOW);
  for (const label of fileLabels) {
    if (label.verdict === 'finding') {
      findings++;
      const hit = near(label.line).find((site) => site.rule === label.rule);
      if (hit) found++;
      else {
        const other = near(label.line).map((site) => `${site.rule}@${site.line}`).join(', ');
        missed.push({ site: where(label), rule: label.rule, api: label.api, why: label.why, reportedNearby: other || undefined });
      }
    } else {
      oks++;
      const hits = near(label.line);
      if (hits.length > 0) {
        falsePositives.push({ site: where(label), api: label.api, why: label.why, reported: hits.map((site) => `${site.text} @${site.line}`) });
      }
    }
  }
  for (const site of reported) {
    if (!fileLabels.some((label) => Math.abs(label.line - site.line) <= WINDOW)) {
      unlabelled.push(`${fileLabels[0].repo}/${fileLabels[0].path}:${site.line} ${site.text}`);
    }
  }
}

const pct = (n, d) => (d === 0 ? 'n/a' : `${((100 * n) / d).toFixed(1)} %`);
const summary = {
  dir,
  files,
  repositories: new Set(labels.map((label) => label.repo)).size,
  labelledSites: labels.length,
  findings,
  found,
  recall: pct(found, findings),
  okSites: oks,
  falsePositives: falsePositives.length,
  falsePositiveRate: pct(falsePositives.length, oks),
};

if (json) {
  console.log(JSON.stringify({ summary, missed, falsePositives, unlabelled, problems }, null, 2));
} else {
  console.log(`public corpus: ${summary.files} files from ${summary.repositories} repositories, ${summary.labelledSites} labelled sites (${dir})`);
  console.log(`recall:              ${found}/${findings} = ${summary.recall}`);
  console.log(`false-positive rate: ${falsePositives.length}/${oks} = ${summary.falsePositiveRate}`);
  console.log(`\nmisses (${missed.length}):`);
  for (const miss of missed) console.log(`  ${miss.site}  ${miss.rule}  [${miss.api}]  ${miss.why}${miss.reportedNearby ? `  (reported nearby: ${miss.reportedNearby})` : ''}`);
  console.log(`\nfalse positives (${falsePositives.length}):`);
  for (const fp of falsePositives) console.log(`  ${fp.site}  [${fp.api}]  ${fp.why}\n      reported: ${fp.reported.join('; ')}`);
  console.log(`\nreports on unlabelled lines (${unlabelled.length}, not scored):`);
  for (const line of unlabelled) console.log(`  ${line}`);
  if (problems.length > 0) {
    console.log(`\nproblems (${problems.length}):`);
    for (const problem of problems) console.log(`  ${problem}`);
  }
}
if (problems.some((problem) => problem.includes('not fetched'))) process.exitCode = 2;
