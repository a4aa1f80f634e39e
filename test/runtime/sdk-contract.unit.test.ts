// The SDK v3 contract, offline: a client given our provider uses it as is (no second cache on top),
// passes its identity properties through, and can assign `memoized` as @aws-sdk/core does.
import { STSClient } from '@aws-sdk/client-sts';
import { describe, expect, it, afterEach } from 'vitest';
import { cacheCredentials } from '../../src/runtime/index.js';
import { HOUR, countingSource, manualClock } from './support.js';
import { clockAt, gatedSource, named, resetRuntimeState } from './gated-source.js';

afterEach(() => resetRuntimeState());

describe('@aws-sdk/core with a cached provider', () => {
  it('is marked memoized, and the mark is writable (@aws-sdk/core assigns it)', () => {
    'use strict';
    const provider = cacheCredentials(async () => ({ accessKeyId: 'a', secretAccessKey: 'b' }));
    expect(provider.memoized).toBe(true);
    (provider as { memoized: boolean }).memoized = true;
    expect(provider.memoized).toBe(true);
  });

  it('the client calls our provider on every resolution (it does not wrap it in its own memoize)', async () => {
    const clock = manualClock();
    const source = countingSource(clock, HOUR);
    const provider = cacheCredentials(source.fn, { now: clock.now, backgroundRefresh: false });
    const client = new STSClient({ region: 'us-east-1', credentials: provider });
    const resolve = client.config.credentials as (options?: Record<string, unknown>) => Promise<{ accessKeyId: string }>;
    for (let i = 0; i < 5; i++) expect((await resolve()).accessKeyId).toBe('ASIATEST00000001');
    expect(provider.stats()).toMatchObject({ sourceCalls: 1, hits: 4 });
    // A refresh in our cache reaches the client at once (the SDK's memoize would have kept the old value).
    clock.advance(2 * HOUR);
    expect((await resolve()).accessKeyId).toBe('ASIATEST00000002');
    client.destroy();
  });

  it('the source receives the calling client config, as it would without the cache', async () => {
    const clock = manualClock();
    const seen: Record<string, any>[] = [];
    const provider = cacheCredentials(
      async (options) => {
        seen.push(options ?? {});
        return { accessKeyId: 'a', secretAccessKey: 'b', expiration: new Date(clock.now() + HOUR) };
      },
      { now: clock.now, backgroundRefresh: false },
    );
    const client = new STSClient({ region: 'eu-west-1', credentials: provider });
    await (client.config.credentials as () => Promise<unknown>)();
    expect(await seen[0]?.callerClientConfig?.region?.()).toBe('eu-west-1');
    client.destroy();
  });
});

describe('SDK contract', () => {
  it('memoized is true, own and writable (the SDK assigns it)', () => {
    'use strict';
    const provider = cacheCredentials(async () => ({ accessKeyId: 'A', secretAccessKey: 'B' }));
    expect(provider.memoized).toBe(true);
    expect(Object.getOwnPropertyDescriptor(provider, 'memoized')).toMatchObject({ value: true, writable: true });
    expect(() => Object.assign(provider, { memoized: true })).not.toThrow();
  });

  it('an event hook that throws on every event breaks neither success, nor failure, nor stale-serving', async () => {
    const clock = clockAt();
    const s = gatedSource(clock);
    let thrown = 0;
    const provider = cacheCredentials(s.fn, {
      now: clock.now,
      backgroundRefresh: false,
      onEvent: () => {
        thrown++;
        throw new Error('hook');
      },
    });
    const first = await provider();
    s.error = named('Throttling');
    clock.advance(2 * HOUR);
    expect(await provider()).toBe(first);
    provider.invalidate(first.accessKeyId);
    expect(await provider()).toBe(first);
    expect(thrown).toBeGreaterThanOrEqual(4);
  });
});
