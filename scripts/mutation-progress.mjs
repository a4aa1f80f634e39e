// Per-file figures from one or more JSON-lines files of scripts/stryker-jsonl-reporter.mjs (or
// Stryker JSON reports), later files overriding earlier ones mutant by mutant (a re-check of some
// lines after new tests): `node scripts/mutation-progress.mjs node_modules/.cache/stryker/runtime.jsonl`.
// SURVIVORS=1 also lists the surviving and uncovered mutants with their source line.
import { readFileSync } from 'node:fs';

const inputs = process.argv.slice(2);
if (inputs.length === 0) {
  console.error('usage: node scripts/mutation-progress.mjs <results.jsonl | report.json>...');
  process.exit(2);
}
const relative = (file) => file.replace(/.*?\/(src\/)/, '$1');
const keyOf = (file, m) => `${relative(file)}|${m.location.start.line}:${m.location.start.column}-${m.location.end.line}:${m.location.end.column}|${m.mutatorName}|${m.replacement}`;
const results = new Map();
for (const input of inputs) {
  const text = readFileSync(input, 'utf8');
  if (input.endsWith('.json')) {
    for (const [file, data] of Object.entries(JSON.parse(text).files)) for (const m of data.mutants) results.set(keyOf(file, m), { ...m, file: relative(file) });
  } else {
    for (const line of text.split('\n').filter(Boolean)) {
      const m = JSON.parse(line);
      results.set(keyOf(m.fileName, m), { ...m, file: relative(m.fileName) });
    }
  }
}
const perFile = new Map();
for (const r of results.values()) {
  const counts = perFile.get(r.file) ?? {};
  counts[r.status] = (counts[r.status] ?? 0) + 1;
  perFile.set(r.file, counts);
}
let killedAll = 0;
let validAll = 0;
for (const [file, c] of [...perFile].sort(([a], [b]) => a.localeCompare(b))) {
  const killed = (c.Killed ?? 0) + (c.Timeout ?? 0);
  const valid = killed + (c.Survived ?? 0) + (c.NoCoverage ?? 0);
  killedAll += killed;
  validAll += valid;
  console.log(`${file}: ${killed}/${valid} killed (${((100 * killed) / valid).toFixed(1)} %), survived ${c.Survived ?? 0}, no coverage ${c.NoCoverage ?? 0}, errors ${(c.RuntimeError ?? 0) + (c.CompileError ?? 0)}`);
}
console.log(`all: ${killedAll}/${validAll} killed (${((100 * killedAll) / validAll).toFixed(1)} %)`);
if (process.env.SURVIVORS) {
  const sources = new Map();
  for (const r of results.values()) {
    if (r.status !== 'Survived' && r.status !== 'NoCoverage') continue;
    if (!sources.has(r.file)) sources.set(r.file, readFileSync(r.file, 'utf8').split('\n'));
    const line = r.location.start.line;
    console.log(`${r.file}:${line}:${r.location.start.column} ${r.status} ${r.mutatorName} -> ${JSON.stringify(r.replacement).slice(0, 60)} | ${sources.get(r.file)[line - 1].trim().slice(0, 100)}`);
  }
}
