// Runs every bench/*.bench.mjs in sequence, each in its own `node --expose-gc` process (a clean
// heap and JIT per bench), and prints their markdown tables. `npm run bench` builds first.
// `node bench/run.mjs runtime lint` runs only the benches whose file name contains an argument.
import { spawn } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const BENCH_DIR = fileURLToPath(new URL('.', import.meta.url));
const ROOT = join(BENCH_DIR, '..');
/** A bench that hangs must not hang CI. */
const TIMEOUT_MS = Number(process.env.BENCH_TIMEOUT_MS ?? 10 * 60_000);

const filters = process.argv.slice(2);
const benches = readdirSync(BENCH_DIR)
  .filter((name) => name.endsWith('.bench.mjs'))
  .filter((name) => filters.length === 0 || filters.some((filter) => name.includes(filter)))
  .sort();

function runBench(name) {
  return new Promise((resolve) => {
    const started = performance.now();
    const child = spawn(process.execPath, ['--expose-gc', join(BENCH_DIR, name)], { cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit'] });
    let stdout = '';
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (chunk) => (stdout += chunk));
    const timer = setTimeout(() => child.kill('SIGKILL'), TIMEOUT_MS);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      resolve({ name, code, signal, stdout: stdout.trimEnd(), seconds: (performance.now() - started) / 1000 });
    });
  });
}

if (benches.length === 0) {
  console.error(`No bench matches ${filters.join(', ')}.`);
  process.exit(1);
}
const results = [];
for (const name of benches) {
  process.stderr.write(`Running ${name}…\n`);
  const result = await runBench(name);
  results.push(result);
  console.log(`## ${name}\n\n${result.stdout || '(no output)'}\n`);
  if (result.code !== 0) console.log(`**${name} failed** (${result.signal ? `killed by ${result.signal}` : `exit code ${result.code}`}).\n`);
}
console.log('| bench | seconds | result |\n| --- | ---: | --- |');
for (const r of results) console.log(`| ${r.name} | ${r.seconds.toFixed(1)} | ${r.code === 0 ? 'ok' : 'failed'} |`);
process.exitCode = results.every((r) => r.code === 0) ? 0 : 1;
