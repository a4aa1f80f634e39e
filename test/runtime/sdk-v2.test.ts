// aws-sdk v2 clients built per request, fed by toV2Credentials over one cached AssumeRole provider.
import { fromTemporaryCredentials } from '@aws-sdk/credential-providers';
import AWS from 'aws-sdk';
import { describe, expect, it } from 'vitest';
import { cacheCredentials, clearSharedCredentials, sharedCredentials, toV2Credentials } from '../../src/runtime/index.js';
import { rejections, runPool, values } from '../support/fake-aws/index.js';
import { withFakeAws } from '../support/fake-aws/with-fake-aws.js';

const ROLE = 'arn:aws:iam::444444444444:role/v2-app';
const ASSUMED_ARN = 'arn:aws:sts::444444444444:assumed-role/v2-app/v2-app';
const fake = withFakeAws({ env: { imds: false }, afterEach: () => clearSharedCredentials() });

const whoAmI = (credentials: AWS.Credentials | ReturnType<typeof toV2Credentials>) =>
  new AWS.STS({ credentials: credentials as AWS.Credentials, endpoint: fake.url, region: 'us-east-1', maxRetries: 0 })
    .getCallerIdentity()
    .promise()
    .then((out) => out.Arn);

describe('aws-sdk v2 client per request', () => {
  it('baseline: ChainableTemporaryCredentials per request assumes the role every time', async () => {
    const results = await runPool(30, 10, () =>
      whoAmI(new AWS.ChainableTemporaryCredentials({ params: { RoleArn: ROLE, RoleSessionName: 'v2-app' }, stsConfig: { endpoint: fake.url, region: 'us-east-1' } })),
    );
    expect(rejections(results)).toEqual([]);
    console.log(`[sdk-v2] baseline: ${fake.calls.assumeRole} AssumeRole for 30 requests`);
    expect(fake.calls.assumeRole).toBe(30);
  });

  it('toV2Credentials(cacheCredentials(...)): 1 AssumeRole for 300 requests, signed with the assumed key', async () => {
    const provider = cacheCredentials(fromTemporaryCredentials({ params: { RoleArn: ROLE, RoleSessionName: 'v2-app' } }));
    try {
      const results = await runPool(300, 20, () => whoAmI(toV2Credentials(provider)));
      expect(rejections(results)).toEqual([]);
      expect(new Set(values(results))).toEqual(new Set([ASSUMED_ARN]));
      console.log(`[sdk-v2] cached: ${fake.calls.assumeRole} AssumeRole for 300 requests`);
      expect(fake.calls.assumeRole).toBe(1);
      const keys = new Set(fake.serviceRequests.map((r) => r.accessKeyId));
      expect(keys.size).toBe(1);
      expect(fake.roleOf([...keys][0])).toBe(ROLE);
    } finally {
      provider.dispose();
    }
  });

  it('toV2Credentials(sharedCredentials(key, ...)) inside the handler: 1 AssumeRole', async () => {
    const handler = () =>
      whoAmI(toV2Credentials(sharedCredentials({ roleArn: ROLE }, () => fromTemporaryCredentials({ params: { RoleArn: ROLE, RoleSessionName: 'v2-app' } }))));
    const results = await runPool(200, 20, handler);
    expect(rejections(results)).toEqual([]);
    expect(fake.calls.assumeRole).toBe(1);
    expect(fake.calls.getCallerIdentity).toBe(200);
  });
});
