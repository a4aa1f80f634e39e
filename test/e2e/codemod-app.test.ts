// End to end: a small app with a per-request `fromTemporaryCredentials` in its handler, run in a
// child process against the fake AWS server: N requests make N AssumeRole calls. `fix` (with the
// runtime vendored into the app) rewrites it; the same N requests then make one AssumeRole call.
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { cpSync, mkdtempSync, readFileSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { planFix, writeChanges } from '../../src/cli/fix.js';
import { env, startFakeAws, type FakeAws } from '../support/fake-aws/index.js';
import { compiledRuntime } from '../cli/real-runtime.js';

const APP = join(__dirname, 'apps', 'per-request-app');
const ROOT = join(__dirname, '..', '..');
const REQUESTS = 5;

// Asynchronous: the fake server answers from this process's event loop.
async function invoke(dir: string, fake: FakeAws): Promise<{ request: number; arn: string }[]> {
  const clean = Object.fromEntries(Object.entries(process.env).filter(([name]) => !name.startsWith('AWS_')));
  const { stdout } = await promisify(execFile)(process.execPath, ['invoke.mjs', String(REQUESTS)], { cwd: dir, env: { ...clean, ...env(fake) }, encoding: 'utf8', timeout: 60_000 });
  return JSON.parse(stdout) as { request: number; arn: string }[];
}

describe('codemod on a per-request app', () => {
  let fake: FakeAws;
  beforeAll(async () => {
    fake = await startFakeAws();
  });
  afterAll(async () => {
    await fake.close();
  });

  it(`turns ${REQUESTS} AssumeRole calls for ${REQUESTS} requests into 1`, async () => {
    const dir = mkdtempSync(join(tmpdir(), 'aws-credentials-app-'));
    cpSync(APP, dir, { recursive: true });
    symlinkSync(join(ROOT, 'node_modules'), join(dir, 'node_modules'));

    fake.reset();
    const before = await invoke(dir, fake);
    const assumeRoleBefore = fake.calls.assumeRole;
    expect(before).toHaveLength(REQUESTS);
    expect(before[0]!.arn).toContain('per-request-app');

    const plan = planFix(dir, {
      paths: ['handler.mjs'],
      memoizers: [],
      dryRun: false,
      diff: false,
      json: true,
      force: true,
      transform: 'all',
      vendorRuntime: 'aws-credentials-runtime.mjs',
      noSharedModule: false,
      noPackageJson: false,
      noTypecheck: false,
      runtimeDir: compiledRuntime(),
    });
    expect(writeChanges(plan.changes)).toEqual([]);
    expect(plan.summary.sitesRewritten).toBeGreaterThan(0);
    const handler = readFileSync(join(dir, 'handler.mjs'), 'utf8');
    expect(handler).toContain("from './aws-credentials-runtime.mjs'");

    fake.reset();
    const after = await invoke(dir, fake);
    const assumeRoleAfter = fake.calls.assumeRole;
    expect(after.map(result => result.arn)).toEqual(before.map(result => result.arn));
    console.log(`AssumeRole calls for ${REQUESTS} requests: ${assumeRoleBefore} before the fix, ${assumeRoleAfter} after`);
    expect(assumeRoleBefore).toBe(REQUESTS);
    expect(assumeRoleAfter).toBe(1);
  });
});
