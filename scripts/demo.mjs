// npm run demo: scan the bundled incident examples, fix a copy, run every app before and after
// against a local fake AWS (127.0.0.1 only), and print one before/after table.
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { buildFakeAws, copyExamples, fixCopy, root, runCli } from './demo/lib.mjs';
import { SCENARIOS } from './demo/scenarios.mjs';
import { printWatchVerdicts, runWatched } from './demo/watch.mjs';

const started = Date.now();
const step = (text) => console.log(`\n== ${text}`);
const indent = (text) => text.split('\n').filter((line) => line.trim()).map((line) => `  ${line}`).join('\n') + '\n';

step('Building the local fake AWS (STS, ECS container endpoint, IMDS)');
buildFakeAws();

step('aws-credentials scan examples');
process.stdout.write(indent(runCli(['scan', 'examples', '--config', 'strict'], root).stdout));

step('aws-credentials fix, on a copy of the examples');
const work = copyExamples();
try {
  process.stdout.write(indent(fixCopy(work).stdout));
  step('Running every app before and after, against the fake AWS');
  const rows = [];
  for (const name of Object.keys(SCENARIOS)) {
    const [before, after] = await Promise.all([runWatched(join(root, 'examples'), name), runWatched(join(work, 'examples'), name)]);
    rows.push({ name, before, after });
    console.log(`  ${name}: done`);
  }
  printTable(rows);
  printWatchVerdicts(rows);
} finally {
  rmSync(work, { recursive: true, force: true });
}
console.log(`\nDemo finished in ${((Date.now() - started) / 1000).toFixed(1)} s. Only 127.0.0.1 was contacted.`);

function printTable(rows) {
  const cell = (before, after) => `${before} → ${after}`;
  const header = ['app', 'requests', 'STS calls', 'container/IMDS calls', 'failed requests', 'crashed workers', 'p99 ms'];
  console.log(`\n| ${header.join(' | ')} |`);
  console.log(`|${header.map(() => '---').join('|')}|`);
  for (const { name, before, after } of rows) {
    const cells = [name, cell(before.requests, after.requests), cell(before.sts, after.sts), cell(before.container + before.imds, after.container + after.imds), cell(before.failed, after.failed), cell(before.crashedWorkers, after.crashedWorkers), cell(before.p99, after.p99)];
    console.log(`| ${cells.join(' | ')} |`);
  }
  const scanner = rows.find((row) => row.name === 'account-scanner');
  if (scanner) console.log(`\nScanner after the fix: ${scanner.after.scanned} accounts scanned, ${scanner.after.denied} denied accounts reported, ${scanner.after.crashedWorkers} workers lost.`);
  console.log('Remaining manual review items are listed by `fix` above (no rewrite is provably safe there).');
}
