// The demo's "after" column, asserted: each incident app, fixed by the codemod, against the fake AWS.
// Only counts that do not depend on machine speed: requests completed, failures, lost workers,
// STS / container calls. Each run is bounded by the scenarios' runaway limit, far above a normal run.
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
// @ts-expect-error plain ESM helper shared with `npm run demo`
import { buildFakeAws, copyExamples, fixCopy, runScenario } from '../../scripts/demo/lib.mjs';
// @ts-expect-error plain ESM data shared with `npm run demo`
import { RUNAWAY_MS, SCENARIOS, accountIds, deniedAccountIds } from '../../scripts/demo/scenarios.mjs';

interface Figures { requests: number; sts: number; container: number; containerRejected: number; imds: number; failed: number; crashedWorkers: number; scanned: number; denied: number; stoppedEarly: boolean }

/** vitest's own bound on one scenario: the child's runaway limit plus the time to kill it. */
const SCENARIO_TIMEOUT_MS = (RUNAWAY_MS as number) + 90_000;
const scenarios = SCENARIOS as Record<string, { requests?: number; checksPerAccount?: number }>;

let work: string;
function after(name: string): Figures {
  const figures = runScenario(join(work, 'examples'), name) as Figures;
  expect(figures.stoppedEarly, `${name} hit the runaway bound of ${RUNAWAY_MS} ms`).toBe(false);
  return figures;
}

describe('incident examples after aws-credentials fix', () => {
  beforeAll(() => {
    buildFakeAws();
    work = copyExamples();
    fixCopy(work);
  }, 300_000);
  afterAll(() => rmSync(work, { recursive: true, force: true }));

  it(`Kinesis consumer: one AssumeRole for ${scenarios['kinesis-consumer']!.requests} GetRecords`, () => {
    const figures = after('kinesis-consumer');
    expect(figures.requests).toBe(scenarios['kinesis-consumer']!.requests);
    expect(figures.failed).toBe(0);
    expect(figures.sts).toBeLessThanOrEqual(2);
  }, SCENARIO_TIMEOUT_MS);

  it('S3 uploader under the ECS endpoint limit: 0 failed uploads, one container call', () => {
    const figures = after('s3-uploader');
    expect(figures.requests).toBe(scenarios['s3-uploader']!.requests);
    expect(figures.failed).toBe(0);
    expect(figures.containerRejected).toBe(0);
    expect(figures.container).toBeLessThanOrEqual(2);
  }, SCENARIO_TIMEOUT_MS);

  it('scanner: every good account finished, every denied one reported, no worker lost, one AssumeRole per account', () => {
    const figures = after('account-scanner');
    expect(figures.crashedWorkers).toBe(0);
    expect(figures.failed).toBe(0);
    expect(figures.scanned).toBe(accountIds.length - deniedAccountIds.length);
    expect(figures.denied).toBe(deniedAccountIds.length);
    expect(figures.sts).toBeLessThanOrEqual(accountIds.length);
  }, SCENARIO_TIMEOUT_MS);

  it(`KafkaJS MSK: one AssumeRole for ${scenarios['kafka-msk']!.requests} connections`, () => {
    const figures = after('kafka-msk');
    expect(figures.requests).toBe(scenarios['kafka-msk']!.requests);
    expect(figures.failed).toBe(0);
    expect(figures.sts).toBeLessThanOrEqual(2);
  }, SCENARIO_TIMEOUT_MS);

  it('fix declares what the Lambda rewrite imports: @aws-sdk/credential-providers in client-sts\'s range, and the runtime', () => {
    const manifest = JSON.parse(readFileSync(join(work, 'examples/lambda-handler/package.json'), 'utf8')) as { dependencies: Record<string, string> };
    expect(manifest.dependencies['@aws-sdk/credential-providers']).toBe(manifest.dependencies['@aws-sdk/client-sts']);
    expect(manifest.dependencies['eslint-plugin-aws-credentials']).toBeDefined();
  });

  it('Lambda handler: the hand-written AssumeRole becomes one shared provider per tenant role', () => {
    const figures = after('lambda-handler');
    expect(figures.requests).toBe(scenarios['lambda-handler']!.requests);
    expect(figures.failed).toBe(0);
    // The scenario spreads its events over five tenant roles: one AssumeRole each.
    expect(figures.sts).toBe(5);
  }, SCENARIO_TIMEOUT_MS);

  it('HTTP API: one AssumeRole per organisation', () => {
    const figures = after('express-api');
    expect(figures.requests).toBe(scenarios['express-api']!.requests);
    expect(figures.failed).toBe(0);
    expect(figures.sts).toBe(3);
  }, SCENARIO_TIMEOUT_MS);

  it(`SDK v2 worker: one AssumeRole for ${scenarios['v2-app']!.requests} jobs`, () => {
    const figures = after('v2-app');
    expect(figures.requests).toBe(scenarios['v2-app']!.requests);
    expect(figures.failed).toBe(0);
    expect(figures.sts).toBeLessThanOrEqual(2);
  }, SCENARIO_TIMEOUT_MS);
});
