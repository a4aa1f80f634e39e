// The ECS incident with real v3 clients: S3 clients built per request, 200 concurrent callers,
// the container endpoint rate-limited like the ECS agent (40/s, burst 60).
import { PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { fromContainerMetadata } from '@aws-sdk/credential-providers';
import { describe, expect, it } from 'vitest';
import { cacheCredentials } from '../../src/runtime/index.js';
import { DEFAULT_CONTAINER_ROLE, rejections, runPool } from '../support/fake-aws/index.js';
import { withFakeAws } from '../support/fake-aws/with-fake-aws.js';

const CALLERS = 200;
const fake = withFakeAws({
  fake: { containerRateLimit: { perSecond: 40, burst: 60 } },
  // No static keys: the default chain and fromContainerMetadata both go to the container endpoint.
  env: { baseCredentials: false, container: true, imds: false },
  afterEach: (started) => started.configure({ containerRateLimit: { perSecond: 40, burst: 60 } }), // a full bucket for the next test
});

const upload = (s3: S3Client, i: number) => s3.send(new PutObjectCommand({ Bucket: 'example', Key: `upload-${i}.txt`, Body: `file ${i}` }));

describe('container credentials, S3 client per request, 200 concurrent callers', () => {
  it('baseline: the default chain per client exceeds the rate limit (429s)', async () => {
    // The ECS agent's burst, with the refill slowed to 1/s: 200 clients' calls exceed it however
    // fast or slow this machine issues them, so the verdict does not depend on its speed.
    fake.configure({ containerRateLimit: { perSecond: 1, burst: 60 } });
    const started = performance.now();
    const results = await runPool(CALLERS, CALLERS, (i) => upload(new S3Client({ region: 'us-east-1' }), i));
    const failed = rejections(results);
    console.log(
      `[sdk-container] baseline: ${fake.calls.container} container calls, ${fake.calls.containerRejected} answered 429, ` +
        `${failed.length}/${CALLERS} requests failed (${(failed[0] as Error | undefined)?.message?.slice(0, 80) ?? 'none'}), ${(performance.now() - started).toFixed(0)} ms`,
    );
    expect(fake.calls.containerRejected).toBeGreaterThan(0);
    expect(fake.calls.container + fake.calls.containerRejected).toBeGreaterThan(CALLERS);
  });

  it('baseline: fromContainerMetadata() per client fails requests on 429', async () => {
    fake.configure({ containerRateLimit: { perSecond: 1, burst: 60 } }); // as above: independent of machine speed
    const results = await runPool(CALLERS, CALLERS, (i) => upload(new S3Client({ region: 'us-east-1', credentials: fromContainerMetadata() }), i));
    const failed = rejections(results);
    console.log(
      `[sdk-container] baseline fromContainerMetadata() per client: ${fake.calls.container} container calls, ${fake.calls.containerRejected} answered 429, ` +
        `${failed.length}/${CALLERS} requests failed (${(failed[0] as Error | undefined)?.message?.slice(0, 80) ?? 'none'})`,
    );
    expect(fake.calls.containerRejected).toBeGreaterThan(0);
    expect(failed.length).toBeGreaterThan(0);
  });

  it('cacheCredentials(fromContainerMetadata()): 0 failed requests, 1 container call', async () => {
    const credentials = cacheCredentials(fromContainerMetadata(), { name: 'fromContainerMetadata()' });
    try {
      const started = performance.now();
      const results = await runPool(CALLERS, CALLERS, (i) => upload(new S3Client({ region: 'us-east-1', credentials }), i));
      console.log(
        `[sdk-container] cached: ${fake.calls.container} container call, ${fake.calls.containerRejected} answered 429, ` +
          `${rejections(results).length}/${CALLERS} failed, ${(performance.now() - started).toFixed(0)} ms`,
      );
      expect(rejections(results)).toEqual([]);
      expect(fake.calls.container).toBe(1);
      expect(fake.calls.containerRejected).toBe(0);
      expect(fake.calls.service).toBe(CALLERS);
      expect(fake.serviceRequests.every((r) => r.operation === 'PutObject' && r.status === 200 && fake.roleOf(r.accessKeyId) === DEFAULT_CONTAINER_ROLE)).toBe(true);
      expect(credentials.stats()).toMatchObject({ sourceCalls: 1, failures: 0 });
    } finally {
      credentials.dispose();
    }
  });
});
