// The demo's "after" column, asserted: each incident app, fixed by the codemod, against the fake AWS.
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
// @ts-expect-error plain ESM helper shared with `npm run demo`
import { buildFakeAws, copyExamples, fixCopy, runScenario } from '../../scripts/demo/lib.mjs';

interface Figures { requests: number; sts: number; container: number; containerRejected: number; imds: number; failed: number; crashedWorkers: number; scanned: number; denied: number }

let work: string;
const after = (name: string): Figures => runScenario(join(work, 'examples'), name) as Figures;

describe('incident examples after aws-credentials fix', () => {
  beforeAll(() => {
    buildFakeAws();
    work = copyExamples();
    fixCopy(work);
  }, 120_000);
  afterAll(() => rmSync(work, { recursive: true, force: true }));

  it('Kinesis consumer: one AssumeRole for 2,000 GetRecords', () => {
    const figures = after('kinesis-consumer');
    expect(figures.requests).toBe(2000);
    expect(figures.failed).toBe(0);
    expect(figures.sts).toBeLessThanOrEqual(2);
  });

  it('S3 uploader under the ECS endpoint limit: 0 failed uploads, one container call', () => {
    const figures = after('s3-uploader');
    expect(figures.failed).toBe(0);
    expect(figures.containerRejected).toBe(0);
    expect(figures.container).toBeLessThanOrEqual(2);
  });

  it('scanner: every good account finished, every denied one reported, no worker lost', () => {
    const figures = after('account-scanner');
    expect(figures.crashedWorkers).toBe(0);
    expect(figures.scanned).toBe(807);
    expect(figures.denied).toBe(43);
    expect(figures.sts).toBeLessThanOrEqual(850);
  });

  it('KafkaJS MSK: one AssumeRole for 300 connections', () => {
    expect(after('kafka-msk').sts).toBeLessThanOrEqual(2);
  });

  it('HTTP API: one AssumeRole per organisation', () => {
    const figures = after('express-api');
    expect(figures.failed).toBe(0);
    expect(figures.sts).toBe(3);
  });

  it('SDK v2 worker: one AssumeRole for 300 jobs', () => {
    expect(after('v2-app').sts).toBeLessThanOrEqual(2);
  });
});
