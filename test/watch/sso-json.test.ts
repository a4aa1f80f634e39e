// SSO GetRoleCredentials with the real SDK v3 client-sso, and STS in the JSON protocol
// (`X-Amz-Target`) by hand, against the local fake AWS: seen end to end with their identity, their
// lifetime from the response and the calling frame, and no token or key in the report.
import { request as httpRequest } from 'node:http';
import { GetRoleCredentialsCommand, SSOClient } from '@aws-sdk/client-sso';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { formatTable } from '../../src/watch/table.js';
import { createCredentialWatch, type CredentialWatch } from '../../src/watch/watch.js';
import { startFakeAws, type FakeAws } from '../support/fake-aws/index.js';
import { secretsIn } from './support.js';

const LIFETIME_SECONDS = 900;
const FETCHES = 3;
const SSO_ACCESS_TOKEN = 'SSO-ACCESS-TOKEN-watch-test-never-print';
const ROLE = 'arn:aws:iam::121212121212:role/json';
let fake: FakeAws;
let watch: CredentialWatch;

beforeAll(async () => {
  fake = await startFakeAws({ credentialLifetimeSeconds: LIFETIME_SECONDS });
});
afterAll(async () => {
  await fake.close();
});
afterEach(() => {
  watch?.stop();
  fake.reset();
});

const identity = (kind: string, name: string) => watch.report().identities.find((entry) => entry.kind === kind && entry.identity === name);
const reportText = () => JSON.stringify(watch.report()) + formatTable(watch.report());
/** The lifetime the response names, seconds after it was issued. */
const expectLifetimeFromResponse = (seconds: number) => {
  expect(seconds).toBeGreaterThan(LIFETIME_SECONDS - 60);
  expect(seconds).toBeLessThanOrEqual(LIFETIME_SECONDS);
};

describe('SSO GetRoleCredentials (SDK v3 client-sso)', () => {
  it('each call counted for account/role, lifetime from the expiration, the calling frame, no token in the report', async () => {
    watch = createCredentialWatch();
    const client = new SSOClient({ region: 'us-east-1', endpoint: fake.url, maxAttempts: 1 });
    for (let i = 0; i < FETCHES; i++) {
      const { roleCredentials } = await client.send(new GetRoleCredentialsCommand({ accessToken: SSO_ACCESS_TOKEN, accountId: '999999999999', roleName: 'developer' }));
      expect(roleCredentials?.accessKeyId).toMatch(/^ASIA/);
    }
    expect(fake.calls.sso).toBe(FETCHES);
    const sso = identity('sso', '999999999999/developer')!;
    expect(sso).toMatchObject({ fetches: FETCHES, actions: ['GetRoleCredentials'], overBudget: true });
    expectLifetimeFromResponse(sso.lifetimeSeconds);
    expect(sso.frames[0]).toMatch(/test\/watch\/sso-json\.test\.ts:\d+:\d+/);
    const text = reportText();
    expect(text).not.toContain(SSO_ACCESS_TOKEN);
    expect(secretsIn(text, fake)).toEqual([]);
  });
});

describe('STS JSON protocol (X-Amz-Target) by hand', () => {
  const target = { 'content-type': 'application/x-amz-json-1.0', 'x-amz-target': 'AWSSecurityTokenServiceV20110615.AssumeRole' };
  const body = JSON.stringify({ RoleArn: ROLE, RoleSessionName: 'json', DurationSeconds: LIFETIME_SECONDS });

  it('node:http: the role from the body, the lifetime from the JSON Expiration, the calling frame', async () => {
    watch = createCredentialWatch();
    for (let i = 0; i < FETCHES; i++) {
      const answer = await new Promise<{ Credentials?: { AccessKeyId?: string } }>((resolve, reject) => {
        const request = httpRequest(`${fake.url}/`, { method: 'POST', headers: target }, (response) => {
          let text = '';
          response.setEncoding('utf8').on('data', (chunk: string) => (text += chunk));
          response.on('end', () => (response.statusCode === 200 ? resolve(JSON.parse(text)) : reject(new Error(`HTTP ${response.statusCode}`))));
        });
        request.on('error', reject);
        request.end(body);
      });
      expect(answer.Credentials?.AccessKeyId).toMatch(/^ASIA/);
    }
    expect(fake.calls.assumeRole).toBe(FETCHES);
    const sts = identity('sts', ROLE)!;
    expect(sts).toMatchObject({ fetches: FETCHES, actions: ['AssumeRole'], overBudget: true });
    expectLifetimeFromResponse(sts.lifetimeSeconds);
    expect(sts.frames[0]).toMatch(/test\/watch\/sso-json\.test\.ts:\d+:\d+/);
    expect(secretsIn(reportText(), fake)).toEqual([]);
  });

  it('fetch: seen by its X-Amz-Target and named by its endpoint (undici hands over no body)', async () => {
    watch = createCredentialWatch();
    for (let i = 0; i < FETCHES; i++) {
      const response = await fetch(`${fake.url}/`, { method: 'POST', headers: target, body });
      expect(response.status).toBe(200);
      await response.text();
    }
    expect(fake.calls.assumeRole).toBe(FETCHES);
    expect(identity('sts', `AssumeRole ${fake.url}`)).toMatchObject({ fetches: FETCHES, overBudget: true });
    expect(secretsIn(reportText(), fake)).toEqual([]);
  });
});
