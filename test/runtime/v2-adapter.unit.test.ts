// toV2Credentials with the real aws-sdk v2 machinery, offline: AWS.Config#getCredentials (what
// every v2 request does before signing), a presigned URL (signing reads the keys synchronously),
// and v2's ExpiredToken handling (`credentials.expired = true`).
import AWS from 'aws-sdk';
import { describe, expect, it, afterEach } from 'vitest';
import { cacheCredentials, toV2Credentials } from '../../src/runtime/index.js';
import { HOUR, MIN, SECRET, TOKEN, awsError, countingSource, manualClock } from './support.js';
import { clockAt, flush, gatedSource, named, resetRuntimeState } from './gated-source.js';

afterEach(() => resetRuntimeState());

const getCredentials = (config: AWS.Config) =>
  new Promise<unknown>((resolve, reject) => config.getCredentials((error, credentials) => (error ? reject(error) : resolve(credentials))));

describe('toV2Credentials', () => {
  it('loads through the cache on every get, so refreshes propagate', async () => {
    const clock = manualClock(Date.now()); // needsRefresh() reads the real clock, as v2 does
    const source = countingSource(clock, HOUR);
    const cached = cacheCredentials(source.fn, { now: clock.now, backgroundRefresh: false });
    const v2 = toV2Credentials(cached);
    expect(v2.needsRefresh()).toBe(true);
    expect(v2.expired).toBe(true);
    for (let i = 0; i < 10; i++) await new Promise<void>((resolve, reject) => v2.get((error) => (error ? reject(error) : resolve())));
    await v2.getPromise();
    await v2.refreshPromise();
    await new Promise((resolve) => v2.refresh(resolve));
    expect(source.calls).toBe(1);
    expect(cached.stats().hits).toBe(12);
    expect(v2.accessKeyId).toBe('ASIATEST00000001');
    expect(v2.secretAccessKey).toBe(SECRET);
    expect(v2.sessionToken).toBe(TOKEN);
    expect(v2.expired).toBe(false);
    expect(v2.needsRefresh()).toBe(false);
    expect(v2.expireTime).toEqual(new Date(clock.now() + HOUR));
    clock.advance(2 * HOUR);
    await v2.getPromise();
    expect(v2.accessKeyId).toBe('ASIATEST00000002');
    expect(source.calls).toBe(2);
  });

  it('works as `credentials` of AWS.Config: getCredentials, then a presigned URL signed with the cached key', async () => {
    const clock = manualClock(Date.now());
    const source = countingSource(clock, HOUR);
    const v2 = toV2Credentials(cacheCredentials(source.fn, { now: clock.now, backgroundRefresh: false }));
    const config = new AWS.Config({ credentials: v2 as unknown as AWS.Credentials, region: 'us-east-1' });
    expect(await getCredentials(config)).toBe(v2);
    const s3 = new AWS.S3({ credentials: v2 as unknown as AWS.Credentials, region: 'us-east-1', signatureVersion: 'v4' });
    const urls = await Promise.all(Array.from({ length: 5 }, (_, i) => s3.getSignedUrlPromise('getObject', { Bucket: 'b', Key: `k${i}` })));
    for (const url of urls) {
      const params = new URL(url).searchParams;
      expect(params.get('X-Amz-Credential')).toMatch(/^ASIATEST00000001\//);
      expect(params.get('X-Amz-Security-Token')).toBe(TOKEN);
    }
    expect(source.calls).toBe(1);
  });

  it('v2 marking the credentials expired (after ExpiredToken) invalidates that key in the cache', async () => {
    const clock = manualClock();
    const source = countingSource(clock, HOUR);
    const cached = cacheCredentials(source.fn, { now: clock.now, backgroundRefresh: false });
    const v2 = toV2Credentials(cached);
    await v2.getPromise();
    v2.expired = true; // what aws-sdk/lib/event_listeners.js INVALIDATE_CREDENTIALS does
    expect(cached.stats().state).toBe('mandatory');
    await v2.getPromise();
    expect(v2.accessKeyId).toBe('ASIATEST00000002');
    expect(source.calls).toBe(2);
    v2.expired = false;
    await v2.getPromise();
    expect(source.calls).toBe(2);
  });

  it('works over a provider without invalidate (any v3 provider)', async () => {
    const v2 = toV2Credentials(async () => ({ accessKeyId: 'AKID', secretAccessKey: 's' }));
    await v2.getPromise();
    v2.expired = true;
    await v2.getPromise();
    expect(v2.accessKeyId).toBe('AKID');
    expect(v2.sessionToken).toBeUndefined();
    expect(v2.expireTime).toBeNull();
  });

  it('passes errors to the callback with their name and code visible, also through AWS.Config', async () => {
    const clock = manualClock();
    const cached = cacheCredentials(
      async () => {
        throw awsError('AccessDenied', 'User is not authorized to perform: sts:AssumeRole');
      },
      { now: clock.now, backgroundRefresh: false },
    );
    const v2 = toV2Credentials(cached);
    const direct = await new Promise((resolve) => v2.get(resolve));
    expect(direct).toMatchObject({ name: 'AccessDenied', code: 'AccessDenied' });
    const viaConfig = await getCredentials(new AWS.Config({ credentials: v2 as unknown as AWS.Credentials })).catch((e: unknown) => e);
    expect(viaConfig).toMatchObject({ code: 'CredentialsError', originalError: { code: 'AccessDenied' } });
    // v2 rewrites the error it gets; the cache's remembered error is untouched.
    await expect(cached()).rejects.toMatchObject({ name: 'AccessDenied', message: 'User is not authorized to perform: sts:AssumeRole' });
  });

  it('needsRefresh follows v2: 15 s before expireTime', async () => {
    const clock = manualClock(Date.now());
    const v2 = toV2Credentials(async () => ({ accessKeyId: 'a', secretAccessKey: 'b', expiration: new Date(Date.now() + 10_000) }));
    await v2.getPromise();
    expect(v2.needsRefresh()).toBe(true);
    const later = toV2Credentials(async () => ({ accessKeyId: 'a', secretAccessKey: 'b', expiration: new Date(clock.now() + 10 * MIN) }));
    await later.getPromise();
    expect(later.needsRefresh()).toBe(false);
  });

  it('get without a callback still loads', async () => {
    const v2 = toV2Credentials(async () => ({ accessKeyId: 'a', secretAccessKey: 'b' }));
    v2.get();
    await new Promise((resolve) => setImmediate(resolve));
    expect(v2.accessKeyId).toBe('a');
  });

  it('refuses a non-function', () => {
    expect(() => toV2Credentials({} as never)).toThrow(TypeError);
  });
});

describe('toV2Credentials', () => {
  it('get(cb) loads through the cache: 50 gets, one source call; properties readable after; needsRefresh and expireTime behave', async () => {
    const clock = clockAt(Date.now());
    const s = gatedSource(clock);
    const v2 = toV2Credentials(cacheCredentials(s.fn, { now: clock.now, backgroundRefresh: false }));
    expect(v2.needsRefresh()).toBe(true);
    await Promise.all(Array.from({ length: 50 }, () => new Promise<void>((resolve, reject) => v2.get((error) => (error ? reject(error) : resolve())))));
    await v2.getPromise();
    await v2.refreshPromise();
    await new Promise<void>((resolve, reject) => v2.refresh((error) => (error ? reject(error) : resolve())));
    expect(s.calls).toBe(1);
    expect(v2.accessKeyId).toBe('ASIAAUDIT0000001');
    expect(v2.secretAccessKey).toBe(SECRET);
    expect(v2.sessionToken).toBe(TOKEN);
    expect(v2.expired).toBe(false);
    expect(v2.expireTime?.getTime()).toBe(clock.now() + HOUR);
    expect(v2.needsRefresh()).toBe(false);
  });

  it('v2 setting expired = true (after an ExpiredToken response) invalidates that key: the next get refreshes once', async () => {
    const clock = clockAt();
    const s = gatedSource(clock);
    const v2 = toV2Credentials(cacheCredentials(s.fn, { now: clock.now, backgroundRefresh: false }));
    await v2.getPromise();
    v2.expired = true;
    expect(v2.needsRefresh()).toBe(true);
    await Promise.all([v2.getPromise(), v2.getPromise(), v2.getPromise()]);
    expect(v2.accessKeyId).toBe('ASIAAUDIT0000002');
    expect(v2.expired).toBe(false);
    expect(s.calls).toBe(2);
  });

  it('follows refreshes of the cache behind it', async () => {
    const clock = clockAt();
    const s = gatedSource(clock);
    const v2 = toV2Credentials(cacheCredentials(s.fn, { now: clock.now, backgroundRefresh: false }));
    await v2.getPromise();
    clock.advance(2 * HOUR);
    await v2.getPromise();
    expect(v2.accessKeyId).toBe('ASIAAUDIT0000002');
    expect(s.calls).toBe(2);
  });

  it('passes errors to the callback and to getPromise, whether the provider rejects or throws', async () => {
    const rejecting = toV2Credentials(async () => {
      throw named('AccessDenied');
    });
    await expect(new Promise((resolve) => rejecting.get(resolve))).resolves.toMatchObject({ name: 'AccessDenied' });
    await expect(rejecting.getPromise()).rejects.toMatchObject({ name: 'AccessDenied' });
    const throwing = toV2Credentials((() => {
      throw named('InvalidIdentityToken');
    }) as never);
    let received: unknown;
    expect(() => throwing.get((error) => void (received = error))).not.toThrow();
    await flush();
    expect(received).toMatchObject({ name: 'InvalidIdentityToken' });
  });
});
