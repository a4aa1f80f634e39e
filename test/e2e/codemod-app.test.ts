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
const STS_APP = join(__dirname, 'apps', 'sts-calls-app');
const ROOT = join(__dirname, '..', '..');
const REQUESTS = 6;

// Asynchronous: the fake server answers from this process's event loop.
async function invoke<T = { request: number; arn: string }>(dir: string, fake: FakeAws): Promise<T[]> {
  const clean = Object.fromEntries(Object.entries(process.env).filter(([name]) => !name.startsWith('AWS_')));
  const { stdout } = await promisify(execFile)(process.execPath, ['invoke.mjs', String(REQUESTS)], { cwd: dir, env: { ...clean, ...env(fake) }, encoding: 'utf8', timeout: 60_000 });
  return JSON.parse(stdout) as T[];
}

function copyApp(app: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'aws-credentials-app-'));
  cpSync(app, dir, { recursive: true });
  symlinkSync(join(ROOT, 'node_modules'), join(dir, 'node_modules'));
  return dir;
}

function fixApp(dir: string, paths: string[], vendorRuntime: string) {
  const plan = planFix(dir, {
    paths,
    memoizers: [],
    dryRun: false,
    diff: false,
    json: true,
    force: true,
    transform: 'all',
    vendorRuntime,
    noSharedModule: false,
    noPackageJson: false,
    noTypecheck: false,
    runtimeDir: compiledRuntime(),
  });
  expect(writeChanges(plan.changes)).toEqual([]);
  return plan;
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
    const dir = copyApp(APP);

    fake.reset();
    const before = await invoke(dir, fake);
    const assumeRoleBefore = fake.calls.assumeRole;
    expect(before).toHaveLength(REQUESTS);
    expect(before[0]!.arn).toContain('per-request-app');

    const plan = fixApp(dir, ['handler.mjs'], 'aws-credentials-runtime.mjs');
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

  it(`hand-written STS calls (SDK v2 assumeRole per tenant, SDK v3 GetSessionToken) sign as before, with one call per identity`, async () => {
    const dir = copyApp(STS_APP);
    type Result = { v2: string; session: string };
    fake.reset();
    const before = await invoke<Result>(dir, fake);
    const issuedBefore = fake.calls.assumeRole;
    expect(new Set(before.map(result => result.v2))).toEqual(new Set(['arn:aws:sts::123456789010:assumed-role/tenant/v2-tenant', 'arn:aws:sts::123456789011:assumed-role/tenant/v2-tenant']));

    const plan = fixApp(dir, ['v2-handler.cjs', 'v3-session.mjs'], 'aws-credentials-runtime.cjs');
    expect(plan.summary.manual).toEqual([]);
    expect(plan.summary.sitesRewrittenByRule['no-per-request-sts-call']).toBe(2);

    fake.reset();
    const after = await invoke<Result>(dir, fake);
    const issuedAfter = fake.calls.assumeRole;
    console.log(`STS credential calls for ${REQUESTS} requests: ${issuedBefore} before the fix, ${issuedAfter} after`);
    expect(after).toEqual(before);
    expect(issuedBefore).toBe(2 * REQUESTS);
    // One AssumeRole per tenant role, one GetSessionToken.
    expect(issuedAfter).toBe(3);
  });
});
