// Runs a demo scenario under `--import eslint-plugin-aws-credentials/watch` with
// AWS_CREDENTIALS_WATCH=fail, and returns the app's figures with the watch's verdict and report.
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fakeModule, root } from './lib.mjs';

/** `env`: more variables for the watched process (e.g. AWS_CREDENTIALS_WATCH_DEEP). */
export async function runWatched(examples, name, env = {}) {
  const dir = mkdtempSync(join(tmpdir(), 'aws-credentials-watch-'));
  try {
    // Asynchronous, so an app's before and after run side by side on a 2-core machine.
    const child = await new Promise((done) => {
      execFile(process.execPath, ['--import', 'eslint-plugin-aws-credentials/watch', join(root, 'scripts/demo/run-scenario.mjs'), fakeModule, examples, name], {
        cwd: dirname(examples), // frames are shown relative to it: `examples/<app>/…`, before and after
        encoding: 'utf8',
        timeout: 120_000, // only stops a runaway run
        maxBuffer: 64 * 1024 * 1024,
        env: { PATH: process.env.PATH, HOME: process.env.HOME, NODE_ENV: 'production', AWS_CREDENTIALS_WATCH: 'fail', AWS_CREDENTIALS_WATCH_JSON: join(dir, 'watch.json'), ...env },
      }, (error, stdout, stderr) => done({ status: error ? (typeof error.code === 'number' ? error.code : null) : 0, stdout, stderr }));
    });
    const line = child.stdout.trim().split('\n').pop();
    if (![0, 1].includes(child.status) || !line?.startsWith('{')) throw new Error(`${name} did not finish under the watch: ${child.stderr || child.stdout}`);
    let report = { identities: [] };
    try {
      report = JSON.parse(readFileSync(join(dir, 'watch.json'), 'utf8'));
    } catch {
      // no credential fetch at all: the watch writes nothing
    }
    return { ...JSON.parse(line), watch: { exitCode: child.status, report, stderr: child.stderr } };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** One line per app: the watch's exit code and its worst identity, before and after the fix. */
export function printWatchVerdicts(rows) {
  const verdict = ({ exitCode, report }) => {
    const over = report.identities.filter((identity) => identity.overBudget);
    const fetches = report.identities.reduce((sum, identity) => sum + identity.fetches, 0);
    if (over.length === 0) return `pass (exit ${exitCode}): ${fetches} fetch${fetches === 1 ? '' : 'es'}, none over budget`;
    const worst = over[0];
    const where = worst.frames[0] ? ` from ${worst.frames[0]}` : '';
    return `FAIL (exit ${exitCode}): ${over.length} over budget; ${worst.identity} ${worst.fetches}× (budget ${worst.budget})${where}`;
  };
  console.log('\nUnder `--import eslint-plugin-aws-credentials/watch` with AWS_CREDENTIALS_WATCH=fail:\n');
  console.log('| app | watch before | watch after |\n|---|---|---|');
  for (const { name, before, after } of rows) console.log(`| ${name} | ${verdict(before.watch)} | ${verdict(after.watch)} |`);
}
