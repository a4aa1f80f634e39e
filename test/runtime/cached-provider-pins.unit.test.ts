// Behaviour of one cache entry (src/runtime/cached-provider.ts) that no other test pinned, found by
// reading its branches and by mutation testing it alone: timers for credentials that outlive
// setTimeout's range, expiry boundaries, input shapes, and what dispose() stops.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { CredentialsUnavailableError, cacheCredentials, configureSharedCredentials, sharedCredentials } from '../../src/runtime/index.js';
import { HOUR, MIN, SEC, SECRET, countingSource, deferred, failingSource, flakySource, manualClock, recorder, settle } from './support.js';
import { resetRuntimeState } from './gated-source.js';

const DAY = 24 * HOUR;
/** setTimeout's largest delay (2^31 - 1 ms, about 24.8 days); a longer one fires at once. */
const MAX_TIMER_MS = 2 ** 31 - 1;

afterEach(() => resetRuntimeState());

describe('credentials that outlive the largest setTimeout delay', () => {
  beforeEach(() => void vi.useFakeTimers({ now: Date.UTC(2026, 10, 23) }));
  const clock = { now: () => Date.now() };

  it('the refresh timer waits in steps of at most 2^31 - 1 ms and refreshes once, before the advisory window', async () => {
    const lifetime = 100 * DAY;
    const source = countingSource(clock, lifetime);
    const provider = cacheCredentials(source.fn, { now: clock.now, random: () => 0 });
    const fetchedAt = Date.now();
    await provider();
    await provider(); // in use, so the timer refreshes it
    expect(vi.getTimerCount()).toBe(1);
    const armedAt = Date.now();
    await vi.advanceTimersToNextTimerAsync(); // the first step ends: re-armed, no refresh
    expect(Date.now() - armedAt).toBe(MAX_TIMER_MS);
    expect(source.calls).toBe(1);
    expect(vi.getTimerCount()).toBe(1);
    // Advisory window 60 min; the proactive point with random 0 is 15 min before it.
    const proactiveAt = fetchedAt + lifetime - HOUR - 15 * MIN;
    await vi.advanceTimersByTimeAsync(proactiveAt - Date.now() - SEC);
    expect(source.calls).toBe(1);
    await vi.advanceTimersByTimeAsync(2 * SEC);
    expect(source.calls).toBe(2);
    expect(provider.stats().state).toBe('valid');
    provider.dispose();
    expect(vi.getTimerCount()).toBe(0);
  });
});

/** A source handing out `expirations[i]` (ms since epoch, from the clock at call time) on call i. */
function scriptedSource(expirations: ((now: number) => number)[], now: () => number) {
  const state = {
    calls: 0,
    fn: async () => {
      const expiresAt = expirations[Math.min(state.calls, expirations.length - 1)]!(now());
      state.calls++;
      return { accessKeyId: `ASIASCRIPT${String(state.calls).padStart(6, '0')}`, secretAccessKey: SECRET, expiration: new Date(expiresAt) };
    },
  };
  return state;
}

describe('window boundaries (1-hour credentials: advisory window 15 min, mandatory 60 s)', () => {
  it('at the advisory point exactly, the caller waits for the refresh and gets its result', async () => {
    const clock = manualClock();
    const source = countingSource(clock, HOUR);
    const provider = cacheCredentials(source.fn, { now: clock.now, backgroundRefresh: false });
    await provider();
    clock.advance(45 * MIN - 1);
    expect((await provider()).accessKeyId).toBe('ASIATEST00000001');
    expect(source.calls).toBe(1);
    clock.advance(1);
    expect((await provider()).accessKeyId).toBe('ASIATEST00000002');
  });

  it('a refresh answered with credentials that expire with the cached ones, at the mandatory point, is a failed refresh: the cache is kept', async () => {
    const clock = manualClock();
    const events = recorder();
    const source = scriptedSource([(now) => now + HOUR, (now) => now + MIN], clock.now);
    const provider = cacheCredentials(source.fn, { now: clock.now, backgroundRefresh: false, random: () => 0, onEvent: events.onEvent });
    await provider();
    clock.advance(59 * MIN); // the mandatory point: 60 s left, and the answer has 60 s too
    expect((await provider()).accessKeyId).toBe('ASIASCRIPT000001');
    expect(source.calls).toBe(2);
    expect(provider.stats()).toMatchObject({ failures: 1, staleServed: 1 });
    expect(events.types()).toEqual(['refresh', 'refresh-failed', 'backoff', 'stale-served']);
    expect(events.events[1]!.error!.name).toBe('StaleCredentialsError');
  });

  it('near-expiry credentials that outlast the cached ones are taken, counted as a failure, and the source backed off', async () => {
    const clock = manualClock();
    const events = recorder();
    const source = scriptedSource([(now) => now + HOUR, (now) => now + 50 * SEC], clock.now);
    const provider = cacheCredentials(source.fn, { now: clock.now, backgroundRefresh: false, random: () => 0, onEvent: events.onEvent });
    await provider();
    clock.advance(59.5 * MIN); // 30 s left; the answer has 50 s
    expect((await provider()).accessKeyId).toBe('ASIASCRIPT000002');
    const stats = provider.stats();
    expect(stats).toMatchObject({ failures: 1, staleServed: 0, sourceCalls: 2 });
    expect(stats.backoffUntil).toBeGreaterThan(clock.now());
    expect(events.types()).toEqual(['refresh', 'refresh', 'refresh-failed', 'backoff']);
    expect(events.events[2]!.error).toEqual({ name: 'StaleCredentialsError', message: expect.stringContaining('expire') });
    // Backed off: the next calls are served what is cached, without a source call.
    clock.advance(5 * SEC);
    expect((await provider()).accessKeyId).toBe('ASIASCRIPT000002');
    expect(source.calls).toBe(2);
  });
});

describe('hits', () => {
  it('counts the calls served from the cache while a refresh is due or already running', async () => {
    const clock = manualClock();
    const release = deferred();
    const source = countingSource(clock, HOUR, () => (source.calls === 2 ? release.promise : undefined));
    const provider = cacheCredentials(source.fn, { now: clock.now, random: () => 0 });
    await provider();
    expect(provider.stats().hits).toBe(0);
    clock.advance(42 * MIN); // refresh-due (proactive point 41.25 min): served at once, refresh in the background
    expect((await provider()).accessKeyId).toBe('ASIATEST00000001');
    expect(provider.stats()).toMatchObject({ hits: 1, refreshing: true });
    clock.advance(4 * MIN); // advisory, with the refresh still running: served at once
    expect((await provider()).accessKeyId).toBe('ASIATEST00000001');
    expect(provider.stats().hits).toBe(2);
    release.resolve();
    await settle();
    expect((await provider()).accessKeyId).toBe('ASIATEST00000002');
    expect(provider.stats()).toMatchObject({ hits: 3, sourceCalls: 2 });
    provider.dispose();
  });
});

describe('forceRefresh on an empty cache', () => {
  it('is rate-limited like any fetch without credentials: an error, never a stale answer', async () => {
    const clock = manualClock();
    const source = failingSource('Throttling');
    const provider = cacheCredentials(source.fn, { now: clock.now, backgroundRefresh: false, maxSourceCallsPerMinute: 1 });
    await expect(provider()).rejects.toBeInstanceOf(CredentialsUnavailableError);
    const error = (await provider({ forceRefresh: true }).catch((caught: unknown) => caught)) as Error;
    expect(error).toBeInstanceOf(CredentialsUnavailableError);
    expect(error.message).toContain('is rate-limited');
    expect(source.calls).toBe(1);
  });
});

describe('background refreshes leave the source alone while it must be left alone', () => {
  // Manual clock, background refresh on: a refresh-due call starts the refresh (the timers are far
  // off in real time and disposed at the end).
  function setUp(options: { refreshBackoffSeconds: number; maxSourceCallsPerMinute?: number }) {
    const clock = manualClock();
    const source = flakySource(clock);
    const provider = cacheCredentials(source.fn, { now: clock.now, random: () => 0, ...options });
    return { clock, source, provider };
  }

  it('until the end of a backoff, and from its end exactly', async () => {
    const { clock, source, provider } = setUp({ refreshBackoffSeconds: 120 });
    await provider();
    clock.advance(42 * MIN);
    source.fail('Throttling');
    await provider(); // refresh-due: starts a background refresh, which fails
    await settle();
    expect(source.calls).toBe(2);
    const until = provider.stats().backoffUntil!;
    expect(until).toBe(clock.now() + 120 * SEC);
    source.recover();
    clock.advance(120 * SEC - 1);
    for (let i = 0; i < 3; i++) {
      expect((await provider()).accessKeyId).toBe('ASIATEST00000001');
      await settle();
    }
    expect(source.calls).toBe(2);
    clock.advance(1);
    await provider();
    await settle();
    expect(source.calls).toBe(3);
    expect((await provider()).accessKeyId).toBe('ASIATEST00000002');
    provider.dispose();
  });

  it('after a non-recoverable error: while it is remembered, and from the end of that exactly', async () => {
    const { clock, source, provider } = setUp({ refreshBackoffSeconds: 0 }); // no background wait: only the 1 s memory
    await provider();
    clock.advance(42 * MIN);
    source.fail('AccessDenied');
    await provider();
    await settle();
    expect(source.calls).toBe(2);
    source.recover();
    clock.advance(1 * SEC - 1); // remembered for 1 s (random 0)
    await provider();
    await settle();
    expect(source.calls).toBe(2);
    clock.advance(1);
    await provider();
    await settle();
    expect(source.calls).toBe(3);
    provider.dispose();
  });

  it('after a non-recoverable error with credentials cached: for the background wait, and from its end exactly', async () => {
    const { clock, source, provider } = setUp({ refreshBackoffSeconds: 120 });
    await provider();
    clock.advance(42 * MIN);
    source.fail('AccessDenied');
    await provider();
    await settle();
    source.recover();
    clock.advance(120 * SEC - 1);
    await provider();
    await settle();
    expect(source.calls).toBe(2);
    clock.advance(1);
    await provider();
    await settle();
    expect(source.calls).toBe(3);
    provider.dispose();
  });

  it('while the rate limiter has no call left', async () => {
    const { clock, source, provider } = setUp({ refreshBackoffSeconds: 0, maxSourceCallsPerMinute: 1 });
    await provider();
    clock.advance(42 * MIN);
    source.fail('Throttling');
    await provider(); // the one call of the minute, failed; no backoff (0 s)
    await settle();
    expect(source.calls).toBe(2);
    clock.advance(30 * SEC);
    await provider();
    await settle();
    expect(source.calls).toBe(2);
    clock.advance(30 * SEC); // a call refilled
    await provider();
    await settle();
    expect(source.calls).toBe(3);
    provider.dispose();
  });
});

describe('the refresh timer', () => {
  beforeEach(() => void vi.useFakeTimers({ now: Date.UTC(2026, 10, 23) }));
  const clock = { now: () => Date.now() };

  it('refused by the rate limiter, it waits for the limiter rather than firing again at once', async () => {
    const start = Date.now();
    const source = flakySource(clock);
    const provider = cacheCredentials(source.fn, { now: clock.now, random: () => 0, refreshBackoffSeconds: 0, maxSourceCallsPerMinute: 1 });
    await provider();
    await provider(); // in use
    source.fail('Throttling');
    await vi.advanceTimersByTimeAsync(41.25 * MIN + SEC); // the proactive refresh, failed; then the limiter refuses
    expect(source.calls).toBe(2);
    expect(vi.getTimerCount()).toBe(1);
    await vi.advanceTimersToNextTimerAsync();
    expect(Date.now() - start).toBe(41.25 * MIN + MIN); // when the limiter has a call again
    expect(source.calls).toBe(3);
    provider.dispose();
  });

  it('an entry unused since a refresh that followed stale answers is not refreshed by the timer', async () => {
    const source = flakySource(clock);
    const provider = cacheCredentials(source.fn, { now: clock.now, random: () => 0, refreshBackoffSeconds: 600 });
    await provider();
    await provider(); // in use
    source.fail('Throttling');
    await vi.advanceTimersByTimeAsync(41.25 * MIN); // the proactive refresh fails: backed off for 9.375 min (half the time left)
    expect(source.calls).toBe(2);
    await vi.advanceTimersByTimeAsync(4.75 * MIN); // the advisory window, still backed off: served stale
    await provider();
    expect(provider.stats().staleServed).toBe(1);
    source.recover();
    await vi.advanceTimersByTimeAsync(5 * MIN); // the backoff ends: the timer refreshes (the entry was used)
    expect(source.calls).toBe(3);
    await vi.advanceTimersByTimeAsync(3 * HOUR); // nobody calls it since
    expect(source.calls).toBe(3);
    expect(vi.getTimerCount()).toBe(0);
    provider.dispose();
  });

  it('is re-armed, not doubled, by a refresh on access', async () => {
    const source = countingSource(clock, HOUR);
    const provider = cacheCredentials(source.fn, { now: clock.now });
    const first = await provider();
    expect(vi.getTimerCount()).toBe(1);
    provider.invalidate(first.accessKeyId);
    await provider();
    expect(source.calls).toBe(2);
    expect(vi.getTimerCount()).toBe(1);
    provider.dispose();
    expect(vi.getTimerCount()).toBe(0);
  });

  it('is not armed again once disposed: the provider still refreshes on access', async () => {
    const source = countingSource(clock, HOUR);
    const provider = cacheCredentials(source.fn, { now: clock.now });
    const first = await provider();
    provider.dispose();
    provider.invalidate(first.accessKeyId);
    expect((await provider()).accessKeyId).toBe('ASIATEST00000002');
    expect(vi.getTimerCount()).toBe(0);
    await vi.advanceTimersByTimeAsync(2 * HOUR);
    expect(source.calls).toBe(2);
  });
});

describe('runtimes whose timers have no unref() (browsers, workers)', () => {
  it('arm and clear numeric timer ids', async () => {
    const real = globalThis.setTimeout;
    const ids: unknown[] = [];
    const spy = vi.spyOn(globalThis, 'setTimeout').mockImplementation(((fn: () => void, ms?: number) => {
      const timer = real(fn, ms);
      timer.unref();
      const id = timer[Symbol.toPrimitive]();
      ids.push(id);
      return id;
    }) as unknown as typeof setTimeout);
    try {
      const clock = { now: () => Date.now() };
      const provider = cacheCredentials(countingSource(clock, HOUR).fn);
      expect((await provider()).accessKeyId).toBe('ASIATEST00000001');
      expect(ids.length).toBe(2); // the source-call bound and the refresh timer
      expect(ids.every((id) => typeof id === 'number')).toBe(true);
      provider.dispose();
    } finally {
      spy.mockRestore();
    }
  });
});

describe('events of an entry outside the registry', () => {
  it('carry no key field at all', async () => {
    const clock = manualClock();
    const events = recorder();
    const provider = cacheCredentials(countingSource(clock, HOUR).fn, { now: clock.now, backgroundRefresh: false, onEvent: events.onEvent });
    await provider();
    expect(events.events).toHaveLength(1);
    expect(Object.keys(events.events[0]!)).not.toContain('key');
  });
});

describe('stale-served events', () => {
  it('one per episode, also when the episode after a refresh is a rate-limited one', async () => {
    const clock = manualClock();
    const events = recorder();
    const source = countingSource(clock, HOUR);
    const provider = cacheCredentials(source.fn, { now: clock.now, backgroundRefresh: false, maxSourceCallsPerMinute: 1, onEvent: events.onEvent });
    const first = await provider(); // the minute's one call
    provider.invalidate(first.accessKeyId);
    expect((await provider()).accessKeyId).toBe(first.accessKeyId); // rate-limited: served stale
    await provider();
    clock.advance(MIN);
    const second = await provider(); // a call refilled: refreshed
    expect(second.accessKeyId).toBe('ASIATEST00000002');
    provider.invalidate(second.accessKeyId);
    expect((await provider()).accessKeyId).toBe(second.accessKeyId); // rate-limited again
    await provider();
    expect(events.types().filter((type) => type === 'stale-served')).toHaveLength(2);
    expect(provider.stats().staleServed).toBe(4);
  });
});

describe('a registry entry handed out', () => {
  it('counts as used for idle eviction, even if the provider is not called', () => {
    configureSharedCredentials({ idleEvictionSeconds: 60 });
    const clock = manualClock();
    const options = { now: clock.now, backgroundRefresh: false };
    const factory = () => countingSource(clock, HOUR).fn;
    const kept = sharedCredentials('pins-kept', factory, options);
    clock.advance(50 * SEC);
    expect(sharedCredentials('pins-kept', factory, options)).toBe(kept);
    clock.advance(50 * SEC);
    sharedCredentials('pins-other', factory, options); // sweeps: idle since 40 s ago or more goes
    expect(sharedCredentials('pins-kept', factory, options)).toBe(kept);
    clock.advance(61 * SEC);
    sharedCredentials('pins-third', factory, options);
    expect(sharedCredentials('pins-kept', factory, options)).not.toBe(kept);
  });
});
