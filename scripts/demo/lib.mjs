// The demo's moving parts, shared by `npm run demo` and the end-to-end test.
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, symlinkSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { RUNAWAY_MS } from './scenarios.mjs';

export const root = resolve(import.meta.dirname, '../..');
const cli = join(root, 'dist/esm/src/cli/main.js');
export const fakeModule = join(root, '.demo/build/test/support/fake-aws/index.js');

/** Compiles the test suite's fake AWS server to plain JS for child processes. */
export function buildFakeAws() {
  const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
  execFileSync(process.execPath, [tsc, '-p', join(root, 'tsconfig.demo.json')], { stdio: 'inherit', cwd: root });
}

export function runCli(args, cwd) {
  return spawnSync(process.execPath, [cli, ...args], { cwd, encoding: 'utf8' });
}

/** A temporary copy of the examples that resolves the SDKs and this package like an installed app. */
export function copyExamples() {
  const work = mkdtempSync(join(tmpdir(), 'aws-credentials-demo-'));
  cpSync(join(root, 'examples'), join(work, 'examples'), { recursive: true });
  mkdirSync(join(work, 'node_modules'));
  for (const entry of readdirSync(join(root, 'node_modules'))) {
    if (!entry.startsWith('.')) symlinkSync(join(root, 'node_modules', entry), join(work, 'node_modules', entry));
  }
  symlinkSync(root, join(work, 'node_modules', 'eslint-plugin-aws-credentials'));
  return work;
}

export function fixCopy(work) {
  const fix = runCli(['fix', 'examples', '--no-shared-module'], work);
  if (fix.status !== 0) throw new Error(`fix failed (exit ${fix.status}): ${fix.stderr}`);
  return fix;
}

const scenarioArgs = (examples, name) => [join(root, 'scripts/demo/run-scenario.mjs'), fakeModule, examples, name];
const scenarioOptions = {
  encoding: 'utf8',
  timeout: RUNAWAY_MS + 60_000,
  env: { PATH: process.env.PATH, HOME: process.env.HOME, NODE_ENV: 'production' },
};

function figuresOf(name, { status, stdout, stderr }) {
  const line = stdout.trim().split('\n').pop();
  if (status !== 0 || !line?.startsWith('{')) throw new Error(`${name} did not finish: ${stderr || stdout}`);
  return JSON.parse(line);
}

/** Runs one app in a child process against its own fake AWS; returns its figures. */
export function runScenario(examples, name) {
  return figuresOf(name, spawnSync(process.execPath, scenarioArgs(examples, name), scenarioOptions));
}
