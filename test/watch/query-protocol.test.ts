// Hand-written STS Query-protocol requests against the local fake AWS: `fetch` with the parameters
// in the query string (GET, or POST with an empty body) and node:http with them in the URL of a
// form POST. Seen with the role, the duration as lifetime and the calling frame; no secret reported.
// (A `fetch` whose Action is only in its body is not seen on Node 20: undici hands the watch a
// stream, not the body; README, "How it observes".)
import { request as httpRequest } from 'node:http';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { formatTable } from '../../src/watch/table.js';
import { createCredentialWatch, type CredentialWatch } from '../../src/watch/watch.js';
import { startFakeAws, type FakeAws } from '../support/fake-aws/index.js';
import { secretsIn } from './support.js';

const ROLE = 'arn:aws:iam::888888888888:role/query';
const FETCHES = 3;
let fake: FakeAws;
let watch: CredentialWatch;

beforeAll(async () => {
  fake = await startFakeAws();
});
afterAll(async () => {
  await fake.close();
});
afterEach(() => {
  watch?.stop();
  fake.reset();
});

const query = (session: string) => new URLSearchParams({ Action: 'AssumeRole', Version: '2011-06-15', RoleArn: ROLE, RoleSessionName: session, DurationSeconds: '900' }).toString();
const identity = () => watch.report().identities.find((entry) => entry.kind === 'sts' && entry.identity === ROLE);

async function fetchOk(url: string, init?: RequestInit): Promise<void> {
  const response = await fetch(url, init);
  const text = await response.text();
  if (response.status !== 200) throw new Error(`HTTP ${response.status}: ${text.slice(0, 200)}`);
}

describe('STS Query protocol by hand', () => {
  it('fetch GET with Action=AssumeRole in the query string', async () => {
    watch = createCredentialWatch();
    for (let i = 0; i < FETCHES; i++) await fetchOk(`${fake.url}/?${query('get')}`);
    expect(fake.calls.assumeRole).toBe(FETCHES);
    const sts = identity()!;
    expect(sts).toMatchObject({ fetches: FETCHES, actions: ['AssumeRole'], lifetimeSeconds: 900, overBudget: true });
    expect(sts.frames[0]).toMatch(/test\/watch\/query-protocol\.test\.ts:\d+:\d+/);
  });

  it('fetch POST with the parameters in the URL and an empty form body', async () => {
    watch = createCredentialWatch();
    for (let i = 0; i < FETCHES; i++) await fetchOk(`${fake.url}/?${query('post')}`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: '' });
    expect(fake.calls.assumeRole).toBe(FETCHES);
    expect(identity()).toMatchObject({ fetches: FETCHES, overBudget: true });
  });

  it('node:http form POST with Action in the URL and the role in the body', async () => {
    watch = createCredentialWatch();
    for (let i = 0; i < FETCHES; i++) {
      await new Promise<void>((resolve, reject) => {
        const request = httpRequest(`${fake.url}/?Action=AssumeRole&Version=2011-06-15`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' } }, (response) => {
          response.resume();
          response.on('end', () => (response.statusCode === 200 ? resolve() : reject(new Error(`HTTP ${response.statusCode}`))));
        });
        request.on('error', reject);
        request.end(new URLSearchParams({ RoleArn: ROLE, RoleSessionName: 'http', DurationSeconds: '900' }).toString());
      });
    }
    expect(fake.calls.assumeRole).toBe(FETCHES);
    const sts = identity()!;
    expect(sts).toMatchObject({ fetches: FETCHES, overBudget: true });
    // DurationSeconds, or less: node:http also reads the response's Expiration, seconds later.
    expect(sts.lifetimeSeconds).toBeGreaterThan(900 - 60);
    expect(sts.lifetimeSeconds).toBeLessThanOrEqual(900);
    expect(sts.frames[0]).toMatch(/test\/watch\/query-protocol\.test\.ts:\d+:\d+/);
    const text = JSON.stringify(watch.report()) + formatTable(watch.report());
    expect(fake.issued.size).toBe(FETCHES);
    expect(secretsIn(text, fake)).toEqual([]);
  });

  it('an ordinary fetch with a query string is not counted', async () => {
    watch = createCredentialWatch();
    await fetchOk(`${fake.url}/?Action=GetCallerIdentity&Version=2011-06-15`).catch(() => undefined);
    await fetchOk(`${fake.url}/items?page=2`).catch(() => undefined);
    expect(watch.report().identities).toEqual([]);
  });
});
