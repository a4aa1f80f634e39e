// npm run test:mutation: runs Stryker once per stryker.<area>.config.mjs at the repository root, in
// name order; extra arguments go to each run (e.g. `-- --concurrency 2`). To scope one area, run it
// alone: `npx stryker run stryker.analysis.config.mjs --mutate src/analysis/frequency.ts`.
// Exits with the first failing run's code.
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..');
const stryker = join(createRequire(import.meta.url).resolve('@stryker-mutator/core/package.json'), '../bin/stryker.js');
const configs = readdirSync(root).filter((name) => /^stryker\.[\w-]+\.config\.mjs$/.test(name)).sort();
if (configs.length === 0) {
  console.error('No stryker.<area>.config.mjs at the repository root.');
  process.exit(1);
}
for (const config of configs) {
  console.log(`\n== stryker run ${config}`);
  const { status } = spawnSync(process.execPath, [stryker, 'run', config, ...process.argv.slice(2)], { cwd: root, stdio: 'inherit' });
  if (status !== 0) process.exit(status ?? 1);
}
