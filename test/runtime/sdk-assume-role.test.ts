// The Kinesis incident with real v3 clients: a client (and a provider) per request. One
// sharedCredentials entry over fromTemporaryCredentials means one AssumeRole for 1,000 requests.
import { GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import { fromTemporaryCredentials } from '@aws-sdk/credential-providers';
import { describe, expect, it } from 'vitest';
import { clearSharedCredentials, sharedCredentials } from '../../src/runtime/index.js';
import { rejections, runPool, values } from '../support/fake-aws/index.js';
import { withFakeAws } from '../support/fake-aws/with-fake-aws.js';

const ROLE = 'arn:aws:iam::222222222222:role/stream-reader';
const ASSUMED_ARN = 'arn:aws:sts::222222222222:assumed-role/stream-reader/kinesis-consumer';
const fake = withFakeAws({ env: { imds: false }, afterEach: () => clearSharedCredentials() });

/** The request handler as the codemod rewrites it: client per request, provider from the registry. */
async function handleRequestCached(): Promise<string | undefined> {
  const client = new STSClient({
    region: 'us-east-1',
    credentials: sharedCredentials({ roleArn: ROLE, sessionName: 'kinesis-consumer' }, () =>
      fromTemporaryCredentials({ params: { RoleArn: ROLE, RoleSessionName: 'kinesis-consumer' } }),
    ),
  });
  return (await client.send(new GetCallerIdentityCommand({}))).Arn;
}

/** The incident as written: a fresh fromTemporaryCredentials per request. */
async function handleRequestBaseline(): Promise<string | undefined> {
  const client = new STSClient({
    region: 'us-east-1',
    credentials: fromTemporaryCredentials({ params: { RoleArn: ROLE, RoleSessionName: 'kinesis-consumer' } }),
  });
  return (await client.send(new GetCallerIdentityCommand({}))).Arn;
}

describe('fromTemporaryCredentials per request, real v3 clients', () => {
  it('baseline: one AssumeRole per request', async () => {
    const results = await runPool(50, 10, handleRequestBaseline);
    expect(rejections(results)).toEqual([]);
    console.log(`[sdk-assume-role] baseline: ${fake.calls.assumeRole} AssumeRole for 50 requests`);
    expect(fake.calls.assumeRole).toBe(50);
  });

  it('sharedCredentials: 1 AssumeRole for 1,000 requests, every request signed with the assumed key', async () => {
    const results = await runPool(1_000, 25, handleRequestCached);
    expect(rejections(results)).toEqual([]);
    expect(new Set(values(results))).toEqual(new Set([ASSUMED_ARN]));
    console.log(`[sdk-assume-role] sharedCredentials: ${fake.calls.assumeRole} AssumeRole for 1,000 requests`);
    expect(fake.calls.assumeRole).toBe(1);
    expect(fake.roles.get(ROLE)).toMatchObject({ assumeRole: 1, issued: 1, sessionNames: ['kinesis-consumer'] });
    const identityCalls = fake.serviceRequests.filter((r) => r.operation === 'GetCallerIdentity');
    expect(identityCalls).toHaveLength(1_000);
    const keys = new Set(identityCalls.map((r) => r.accessKeyId));
    expect(keys.size).toBe(1);
    expect(fake.roleOf([...keys][0])).toBe(ROLE);
    const stats = sharedCredentials({ roleArn: ROLE, sessionName: 'kinesis-consumer' }, () => {
      throw new Error('the entry must already exist');
    }).stats();
    expect(stats).toMatchObject({ sourceCalls: 1, failures: 0, state: 'valid' });
    expect(stats.hits).toBeGreaterThanOrEqual(999);
  });
});
