// EC2 instance credentials (IMDSv2) shared by S3 clients built per request.
import { PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { fromInstanceMetadata } from '@aws-sdk/credential-providers';
import { describe, expect, it } from 'vitest';
import { cacheCredentials } from '../../src/runtime/index.js';
import { DEFAULT_INSTANCE_ROLE, rejections, runPool } from '../support/fake-aws/index.js';
import { withFakeAws } from '../support/fake-aws/with-fake-aws.js';

const fake = withFakeAws({ env: { baseCredentials: false, imds: true } });

const upload = (credentials: ReturnType<typeof fromInstanceMetadata>, i: number) =>
  new S3Client({ region: 'us-east-1', credentials }).send(new PutObjectCommand({ Bucket: 'example', Key: `k-${i}`, Body: 'x' }));

describe('fromInstanceMetadata, S3 client per request', () => {
  it('baseline: a provider per request fetches from IMDS every time', async () => {
    const results = await runPool(20, 10, (i) => upload(fromInstanceMetadata(), i));
    expect(rejections(results)).toEqual([]);
    console.log(`[sdk-imds] baseline: ${fake.calls.imds} IMDS credential fetches (${fake.calls.imdsToken} tokens) for 20 requests`);
    expect(fake.calls.imds).toBe(20);
  });

  it('cacheCredentials(fromInstanceMetadata()): one IMDS credential fetch for 200 clients', async () => {
    const credentials = cacheCredentials(fromInstanceMetadata());
    try {
      const results = await runPool(200, 50, (i) => upload(credentials, i));
      expect(rejections(results)).toEqual([]);
      console.log(`[sdk-imds] cached: ${fake.calls.imds} IMDS credential fetch (${fake.calls.imdsToken} token) for 200 requests`);
      expect(fake.calls.imds).toBe(1);
      expect(fake.calls.imdsToken).toBe(1);
      expect(fake.calls.service).toBe(200);
      expect(fake.serviceRequests.every((r) => r.status === 200 && fake.roleOf(r.accessKeyId) === DEFAULT_INSTANCE_ROLE)).toBe(true);
    } finally {
      credentials.dispose();
    }
  });
});
