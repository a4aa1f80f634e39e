// What a provider shows of itself, exactly: stats() in every state and at each boundary, the
// inspect and JSON forms, and the event stream of a full life. Earlier tests checked these only for
// leaks; mutation testing showed the fields and the state boundaries themselves unpinned.
import { inspect } from 'node:util';
import { afterEach, describe, expect, it } from 'vitest';
import { cacheCredentials, clearSharedCredentials, configureSharedCredentials, sharedCredentials, toV2Credentials } from '../../src/runtime/index.js';
import { HOUR, MIN, SEC, awsError, manualClock, recorder } from './support.js';

afterEach(() => {
  clearSharedCredentials();
  configureSharedCredentials({ maxEntries: 1_000, idleEvictionSeconds: 3_600 });
});

const T0 = Date.UTC(2026, 10, 23);
const iso = (ms: number): string => new Date(ms).toISOString();

/** A source issuing 1-hour credentials ASIAOBSERVED0000n, failing with `failWith` while it is set. */
function source(clock: { now: () => number }) {
  const state = {
    calls: 0,
    failWith: undefined as Error | undefined,
    fn: async () => {
      state.calls++;
      if (state.failWith) throw state.failWith;
      return { accessKeyId: `ASIAOBSERVED0000${state.calls}`, secretAccessKey: 'not-a-secret-of-any-shape', expiration: new Date(clock.now() + HOUR) };
    },
  };
  return state;
}

describe('stats(), inspect and JSON through a life', () => {
  it('every state, exactly at its boundary and 1 ms before', async () => {
    const clock = manualClock(T0);
    const s = source(clock);
    const provider = cacheCredentials(s.fn, { name: 'observed()', now: clock.now, random: () => 0 });
    const empty = { state: 'empty', sourceCalls: 0, hits: 0, staleServed: 0, failures: 0, refreshing: false, partitions: 1 };
    expect(provider.stats()).toEqual(empty);
    expect(inspect(provider)).toBe('CachedCredentialProvider { observed() state=empty sourceCalls=0 }');
    expect(JSON.parse(JSON.stringify(provider))).toEqual({ type: 'CachedCredentialProvider', source: 'observed()', ...empty });

    const pending = provider();
    expect(provider.stats().refreshing).toBe(true);
    const first = await pending;
    const cached = { sourceCalls: 1, hits: 0, staleServed: 0, failures: 0, refreshing: false, accessKeyId: 'ASIAOBSERVED00001', expiration: new Date(T0 + HOUR), advisoryWindowSeconds: 900, partitions: 1 };
    expect(provider.stats()).toEqual({ state: 'valid', ...cached });
    expect(inspect(provider)).toBe(`CachedCredentialProvider { observed() state=valid accessKeyId=ASIAOBSERVED00001 expiration=${iso(T0 + HOUR)} sourceCalls=1 }`);
    expect(JSON.parse(JSON.stringify(provider))).toEqual({ type: 'CachedCredentialProvider', source: 'observed()', state: 'valid', ...cached, expiration: iso(T0 + HOUR) });

    // random 0: proactive refresh at 41.25 min, advisory window from 45 min, mandatory from 59 min.
    const boundaries: [number, string, string][] = [
      [41.25 * MIN, 'valid', 'refresh-due'],
      [45 * MIN, 'refresh-due', 'advisory'],
      [59 * MIN, 'advisory', 'mandatory'],
      [HOUR, 'mandatory', 'expired'],
    ];
    for (const [at, before, after] of boundaries) {
      clock.advance(T0 + at - 1 - clock.now());
      expect(provider.stats().state).toBe(before);
      clock.advance(1);
      expect(provider.stats().state).toBe(after);
      expect(inspect(provider)).toContain(` state=${after} `);
    }
    expect(provider.stats()).toEqual({ state: 'expired', ...cached });

    // The refresh fails: the expired credentials are served and the source is backed off 300 s.
    s.failWith = awsError('Throttling', 'Rate exceeded');
    expect(await provider()).toBe(first);
    expect(provider.stats()).toEqual({ state: 'expired', ...cached, sourceCalls: 2, failures: 1, staleServed: 1, backoffUntil: T0 + HOUR + 300 * SEC });
    clock.advance(300 * SEC - 1);
    expect(provider.stats().backoffUntil).toBe(T0 + HOUR + 300 * SEC);
    clock.advance(1);
    expect(provider.stats().backoffUntil).toBeUndefined(); // over once it is reached
    provider.dispose();
  });

  it('without background refresh there is no refresh-due state: valid until the advisory window', async () => {
    const clock = manualClock(T0);
    const provider = cacheCredentials(source(clock).fn, { now: clock.now, random: () => 0, backgroundRefresh: false });
    await provider();
    clock.advance(45 * MIN - 1);
    expect(provider.stats().state).toBe('valid');
    clock.advance(1);
    expect(provider.stats().state).toBe('advisory');
  });

  it('credentials without an expiration: no expiration, no advisory window in stats', async () => {
    const provider = cacheCredentials(async () => ({ accessKeyId: 'AKIASTATIC', secretAccessKey: 'x' }), { name: 'static' });
    await provider();
    expect(provider.stats()).toEqual({ state: 'valid', sourceCalls: 1, hits: 0, staleServed: 0, failures: 0, refreshing: false, accessKeyId: 'AKIASTATIC', partitions: 1 });
    expect(inspect(provider)).toBe('CachedCredentialProvider { static state=valid accessKeyId=AKIASTATIC sourceCalls=1 }');
  });

  it('the v2 adapter: inspect and JSON before and after a load', async () => {
    const clock = manualClock(T0);
    const provider = cacheCredentials(source(clock).fn, { now: clock.now, backgroundRefresh: false });
    const v2 = toV2Credentials(provider, { now: clock.now });
    expect(inspect(v2)).toBe('V2Credentials { accessKeyId=(not loaded) expired=true }');
    expect(JSON.parse(JSON.stringify(v2))).toEqual({ type: 'V2Credentials', expired: true, expireTime: null });
    expect(v2.accessKeyId).toBe('');
    expect(v2.secretAccessKey).toBe('');
    expect(v2.sessionToken).toBeUndefined();
    await v2.getPromise();
    expect(inspect(v2)).toBe(`V2Credentials { accessKeyId=ASIAOBSERVED00001 expired=false expireTime=${iso(T0 + HOUR)} }`);
    expect(JSON.parse(JSON.stringify(v2))).toEqual({ type: 'V2Credentials', accessKeyId: 'ASIAOBSERVED00001', expired: false, expireTime: iso(T0 + HOUR) });
    expect(v2.expiryWindow).toBe(15);
  });
});

describe('events, exactly', () => {
  it('a life: refresh, failure, backoff, stale-served once, invalidation (of the cached key only)', async () => {
    const clock = manualClock(T0);
    const s = source(clock);
    const events = recorder();
    const provider = cacheCredentials(s.fn, { name: 'evented()', now: clock.now, random: () => 0, backgroundRefresh: false, onEvent: events.onEvent });
    const first = await provider();
    clock.advance(HOUR);
    s.failWith = awsError('Throttling', 'Rate exceeded');
    expect(await provider()).toBe(first);
    expect(await provider()).toBe(first); // backing off: served again, no second stale-served event
    provider.invalidate('ASIASOMEOTHERKEY');
    provider.invalidate('ASIAOBSERVED00001');
    const error = { name: 'Throttling', message: 'Rate exceeded' };
    expect(events.events).toEqual([
      { type: 'refresh', source: 'evented()', accessKeyId: 'ASIAOBSERVED00001', expiration: new Date(T0 + HOUR) },
      { type: 'refresh-failed', source: 'evented()', error },
      { type: 'backoff', source: 'evented()', error, retryAt: T0 + HOUR + 300 * SEC },
      { type: 'stale-served', source: 'evented()', accessKeyId: 'ASIAOBSERVED00001', expiration: new Date(T0 + HOUR) },
      { type: 'invalidated', source: 'evented()', accessKeyId: 'ASIAOBSERVED00001' },
    ]);
    expect(provider.stats()).toMatchObject({ staleServed: 2, sourceCalls: 2, failures: 1 });
  });

  it('a rate-limited first fetch carries the last error; one with credentials cached carries none', async () => {
    const clock = manualClock(T0);
    const events = recorder();
    const failing = cacheCredentials(async () => Promise.reject(awsError('Throttling', 'slow down')), {
      name: 'f',
      now: clock.now,
      backgroundRefresh: false,
      maxSourceCallsPerMinute: 1,
      onEvent: events.onEvent,
    });
    await failing().catch(() => undefined);
    await failing().catch(() => undefined);
    expect(events.events.at(-1)).toEqual({ type: 'rate-limited', source: 'f', error: { name: 'Throttling', message: 'slow down' } });

    const s = source(clock);
    const cachedEvents = recorder();
    const cached = cacheCredentials(s.fn, { name: 'c', now: clock.now, random: () => 0, backgroundRefresh: false, maxSourceCallsPerMinute: 1, refreshBackoffSeconds: 0, onEvent: cachedEvents.onEvent });
    const first = await cached();
    clock.advance(HOUR - 30 * SEC); // mandatory window; the bucket refilled during the hour
    s.failWith = awsError('Throttling', 'slow down');
    expect(await cached()).toBe(first); // one attempt, failed, served stale
    expect(await cached()).toBe(first); // no token left: rate-limited, served stale
    expect(cachedEvents.events.at(-1)).toEqual({ type: 'rate-limited', source: 'c' });
    expect(s.calls).toBe(2);
  });

  it('sharedCredentials events carry the key hash, and eviction is told', async () => {
    const events = recorder();
    configureSharedCredentials({ maxEntries: 1 });
    const factory = () => async () => ({ accessKeyId: 'AKIASHARED', secretAccessKey: 'x' });
    const provider = sharedCredentials({ account: '111111111111' }, factory, { name: 'shared()', onEvent: events.onEvent });
    await provider();
    sharedCredentials({ account: '222222222222' }, factory);
    expect(events.events).toHaveLength(2);
    const [refresh, evicted] = events.events;
    expect(refresh).toEqual({ type: 'refresh', source: 'shared()', accessKeyId: 'AKIASHARED', key: expect.stringMatching(/^[0-9a-f]{8}$/) as string });
    expect(evicted).toEqual({ type: 'evicted', source: 'shared()', key: refresh!.key });
  });

  it('an event hook that throws changes nothing', async () => {
    const provider = cacheCredentials(async () => ({ accessKeyId: 'AKIAHOOK', secretAccessKey: 'x' }), {
      onEvent: () => {
        throw new Error('hook failed');
      },
    });
    expect((await provider()).accessKeyId).toBe('AKIAHOOK');
  });
});

describe('the provider function\'s own members', () => {
  it('memoized is plain data the SDK can assign; the methods are fixed: not enumerable, not writable, not deletable', () => {
    const provider = cacheCredentials(async () => ({ accessKeyId: 'AKIAFIXED', secretAccessKey: 'x' }));
    expect(Object.getOwnPropertyDescriptor(provider, 'memoized')).toEqual({ value: true, writable: true, enumerable: true, configurable: true });
    for (const name of ['invalidate', 'stats', 'dispose', 'toJSON', Symbol.for('nodejs.util.inspect.custom')]) {
      expect(Object.getOwnPropertyDescriptor(provider, name)).toEqual({ value: expect.any(Function) as unknown, writable: false, enumerable: false, configurable: false });
    }
    expect(Object.keys(provider)).toEqual(['memoized']);
    expect(() => {
      delete (provider as unknown as Record<string, unknown>).stats;
    }).toThrow(TypeError);
    expect(() => Object.defineProperty(provider, 'invalidate', { value: () => undefined })).toThrow(TypeError);
  });
});
