// The 850-account scanner incident with real v3 clients: denied AssumeRole must fail fast, must not
// be hammered by retry loops, and must not affect any other account.
import { GetCallerIdentityCommand, STSClient, type STSClientConfig } from '@aws-sdk/client-sts';
import { fromTemporaryCredentials } from '@aws-sdk/credential-providers';
import { describe, expect, it } from 'vitest';
import { clearSharedCredentials, sharedCredentials } from '../../src/runtime/index.js';
import { errorCodes, rejections, repeatFor, runPool, values } from '../support/fake-aws/index.js';
import { withFakeAws } from '../support/fake-aws/with-fake-aws.js';

const fake = withFakeAws({
  env: { imds: false },
  afterEach: (started) => {
    clearSharedCredentials();
    started.configure({ deny: undefined });
  },
});

const roleOf = (account: number) => `arn:aws:iam::${String(100_000_000_000 + account)}:role/scanner`;

function scannerCredentials(roleArn: string) {
  return sharedCredentials({ roleArn }, () => fromTemporaryCredentials({ params: { RoleArn: roleArn, RoleSessionName: 'scanner' } }));
}

/** What a v3 client accepts as `credentials`. */
type Credentials = STSClientConfig['credentials'];

async function whoAmI(credentials: Credentials): Promise<string | undefined> {
  return (await new STSClient({ region: 'us-east-1', credentials }).send(new GetCallerIdentityCommand({}))).Arn;
}

describe('AccessDenied on every AssumeRole', () => {
  const ROLE = roleOf(0);

  it('baseline: a provider per attempt calls STS on every retry', async () => {
    fake.configure({ deny: () => true });
    // Bounded by count (30 attempts; 30 s at most), so the verdict does not depend on machine speed.
    const results = await repeatFor(30_000, 30, () => whoAmI(fromTemporaryCredentials({ params: { RoleArn: ROLE, RoleSessionName: 'scanner' } })));
    console.log(`[sdk-access-denied] baseline: ${results.length} attempts -> ${fake.calls.assumeRole} AssumeRole calls`);
    expect(rejections(results)).toHaveLength(results.length);
    expect(fake.calls.assumeRole).toBe(results.length);
    expect(results.length).toBe(30);
  });

  it('every caller gets AccessDenied; 3 s of tight retries reach STS at most ~once a second', async () => {
    fake.configure({ deny: () => true });
    const results = await repeatFor(3_000, 100_000, () => whoAmI(scannerCredentials(ROLE)));
    const errors = rejections(results);
    console.log(`[sdk-access-denied] cached: ${results.length} attempts in 3 s -> ${fake.calls.assumeRole} AssumeRole calls`);
    expect(errors).toHaveLength(results.length);
    expect(results.length).toBeGreaterThan(50);
    for (const error of errors) expect(errorCodes(error)).toContain('AccessDenied');
    expect(fake.calls.assumeRole).toBeGreaterThanOrEqual(1);
    expect(fake.calls.assumeRole).toBeLessThanOrEqual(4);
    expect(fake.calls.getCallerIdentity).toBe(0);
  });
});

describe('100 accounts keyed by role, 5 denied', () => {
  const ACCOUNTS = 100;
  const REQUESTS_PER_ACCOUNT = 3;
  const DENIED = new Set([3, 17, 42, 64, 99].map(roleOf));

  async function scan(credentialsFor: (roleArn: string) => Credentials) {
    fake.configure({ deny: DENIED });
    // Every account's requests interleave with every other's, 50 in flight.
    const results = await runPool(ACCOUNTS * REQUESTS_PER_ACCOUNT, 50, async (i) => {
      const roleArn = roleOf(i % ACCOUNTS);
      try {
        return { roleArn, arn: await whoAmI(credentialsFor(roleArn)) };
      } catch (error) {
        return { roleArn, error };
      }
    });
    return values(results);
  }

  it('baseline: a provider per request assumes the role on every request', async () => {
    await scan((roleArn) => fromTemporaryCredentials({ params: { RoleArn: roleArn, RoleSessionName: 'scanner' } }));
    console.log(`[sdk-access-denied] baseline scan: ${fake.calls.assumeRole} AssumeRole for ${ACCOUNTS} accounts x ${REQUESTS_PER_ACCOUNT} requests`);
    expect(fake.calls.assumeRole).toBe(ACCOUNTS * REQUESTS_PER_ACCOUNT);
  });

  it('exactly one AssumeRole per good account, failures only on the denied ones', async () => {
    const outcomes = await scan(scannerCredentials);
    console.log(`[sdk-access-denied] cached scan: ${fake.calls.assumeRole} AssumeRole for ${ACCOUNTS} accounts x ${REQUESTS_PER_ACCOUNT} requests`);
    for (const { roleArn, arn, error } of outcomes) {
      if (DENIED.has(roleArn)) {
        expect(errorCodes(error)).toContain('AccessDenied');
      } else {
        expect(error).toBeUndefined();
        expect(arn).toBe(`arn:aws:sts::${roleArn.split(':')[4]}:assumed-role/scanner/scanner`);
      }
    }
    for (let account = 0; account < ACCOUNTS; account++) {
      const roleArn = roleOf(account);
      const stats = fake.roles.get(roleArn);
      if (DENIED.has(roleArn)) expect(stats?.denied).toBeGreaterThanOrEqual(1);
      else expect(stats).toMatchObject({ assumeRole: 1, issued: 1 });
    }
    expect(fake.calls.getCallerIdentity).toBe((ACCOUNTS - DENIED.size) * REQUESTS_PER_ACCOUNT);
  });
});
