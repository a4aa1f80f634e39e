// One entry over time with an injected clock: valid, refresh-due, advisory, mandatory, expired.
import { describe, expect, it, afterEach } from 'vitest';
import { cacheCredentials, type AwsCredentialIdentity } from '../../src/runtime/index.js';
import { HOUR, MIN, SEC, countingSource, deferred, manualClock, settle } from './support.js';
import { clockAt, gate, flush, gatedSource, named, callers, resetRuntimeState } from './gated-source.js';

afterEach(() => resetRuntimeState());

describe('valid', () => {
  it('serves the cache: one source call for many callers, the same promise each time', async () => {
    const clock = manualClock();
    const source = countingSource(clock, HOUR);
    const provider = cacheCredentials(source.fn, { now: clock.now, backgroundRefresh: false });
    await provider();
    const first = provider();
    for (let i = 0; i < 100; i++) {
      clock.advance(20 * SEC);
      expect(provider()).toBe(first);
    }
    expect(source.calls).toBe(1);
    expect(provider.stats()).toMatchObject({ state: 'valid', sourceCalls: 1, hits: 101, staleServed: 0, failures: 0, refreshing: false });
  });

  it('concurrent first callers share one fetch', async () => {
    const clock = manualClock();
    const source = countingSource(clock, HOUR);
    const provider = cacheCredentials(source.fn, { now: clock.now, backgroundRefresh: false });
    const all = await Promise.all(Array.from({ length: 200 }, () => provider()));
    expect(source.calls).toBe(1);
    expect(new Set(all).size).toBe(1);
  });

  it('keeps credentials without expiration until invalidated', async () => {
    const clock = manualClock();
    const source = countingSource(clock, undefined);
    const provider = cacheCredentials(source.fn, { now: clock.now });
    const first = await provider();
    clock.advance(365 * 24 * HOUR);
    expect(await provider()).toBe(first);
    expect(provider.stats().state).toBe('valid');
    provider.invalidate('ASIA-SOMEONE-ELSE');
    expect(await provider()).toBe(first);
    provider.invalidate(first.accessKeyId);
    expect((await provider()).accessKeyId).not.toBe(first.accessKeyId);
    expect(source.calls).toBe(2);
    provider.dispose();
  });
});

describe('advisory window (backgroundRefresh: false)', () => {
  it('one source call however many callers: the caller that starts it receives the new credentials, the others the cached ones at once', async () => {
    const clock = manualClock();
    const gate = deferred();
    const source = countingSource(clock, HOUR, () => (source.calls > 1 ? gate.promise : undefined));
    const provider = cacheCredentials(source.fn, { now: clock.now, backgroundRefresh: false });
    const first = await provider();
    clock.advance(50 * MIN); // 10 min before expiry: inside the 15-min advisory window
    expect(provider.stats().state).toBe('advisory');
    let resolved = 0;
    const starter = provider();
    const others = Array.from({ length: 49 }, () => provider().then((c) => (resolved++, c)));
    await Promise.resolve();
    await Promise.resolve();
    expect(resolved).toBe(49); // nobody but the starter waits for the pending refresh
    expect((await Promise.all(others)).every((c) => c === first)).toBe(true);
    expect(source.calls).toBe(2);
    expect(provider.stats().refreshing).toBe(true);
    gate.resolve();
    expect((await starter).accessKeyId).toBe('ASIATEST00000002');
    expect((await provider()).accessKeyId).toBe('ASIATEST00000002');
    expect(source.calls).toBe(2);
    expect(provider.stats().state).toBe('valid');
  });

  it('advisoryRefreshInBackground: every caller, the triggering one included, gets the cached credentials at once', async () => {
    const clock = manualClock();
    const gate = deferred();
    const source = countingSource(clock, HOUR, () => (source.calls > 1 ? gate.promise : undefined));
    const provider = cacheCredentials(source.fn, { now: clock.now, backgroundRefresh: false, advisoryRefreshInBackground: true });
    const first = await provider();
    clock.advance(50 * MIN);
    let resolved = 0;
    const served = Array.from({ length: 50 }, () => provider().then((c) => (resolved++, c)));
    await Promise.resolve();
    await Promise.resolve();
    expect(resolved).toBe(50);
    expect((await Promise.all(served)).every((c) => c === first)).toBe(true);
    expect(source.calls).toBe(2);
    gate.resolve();
    await settle();
    expect((await provider()).accessKeyId).toBe('ASIATEST00000002');
    expect(source.calls).toBe(2);
  });

  it('does not refresh before the advisory window', async () => {
    const clock = manualClock();
    const source = countingSource(clock, HOUR);
    const provider = cacheCredentials(source.fn, { now: clock.now, random: () => 0.999, backgroundRefresh: false });
    await provider();
    clock.advance(45 * MIN - 1);
    await provider();
    expect(source.calls).toBe(1);
    expect(provider.stats().state).toBe('valid');
  });
});

describe('mandatory window and expiry', () => {
  it('in the mandatory window every caller waits for one shared refresh', async () => {
    const clock = manualClock();
    const gate = deferred();
    const source = countingSource(clock, HOUR, () => (source.calls > 1 ? gate.promise : undefined));
    const provider = cacheCredentials(source.fn, { now: clock.now, backgroundRefresh: false });
    const first = await provider();
    clock.advance(59 * MIN + 30 * SEC);
    expect(provider.stats().state).toBe('mandatory');
    let resolved = 0;
    const all = Array.from({ length: 100 }, () => provider().then((c) => (resolved++, c)));
    await settle();
    expect(resolved).toBe(0); // they wait
    gate.resolve();
    const results = await Promise.all(all);
    expect(source.calls).toBe(2);
    expect(new Set(results).size).toBe(1);
    expect(results[0]).not.toBe(first);
  });

  it('after expiry callers wait for one refresh', async () => {
    const clock = manualClock();
    const source = countingSource(clock, HOUR);
    const provider = cacheCredentials(source.fn, { now: clock.now, backgroundRefresh: false });
    await provider();
    clock.advance(2 * HOUR);
    expect(provider.stats().state).toBe('expired');
    await Promise.all(Array.from({ length: 1000 }, () => provider()));
    expect(source.calls).toBe(2);
  });

  it('callers reaching the mandatory window join a refresh already in flight from the advisory window', async () => {
    const clock = manualClock();
    const gate = deferred();
    const source = countingSource(clock, HOUR, () => (source.calls > 1 ? gate.promise : undefined));
    const provider = cacheCredentials(source.fn, { now: clock.now, backgroundRefresh: false });
    await provider();
    clock.advance(50 * MIN);
    const starter = provider(); // starts the refresh and waits for it
    clock.advance(9 * MIN + 30 * SEC);
    const waiting = provider();
    gate.resolve();
    expect((await waiting).accessKeyId).toBe('ASIATEST00000002');
    expect((await starter).accessKeyId).toBe('ASIATEST00000002');
    expect(source.calls).toBe(2);
  });
});

describe('proactive refresh on access (backgroundRefresh on, timers frozen as in Lambda)', () => {
  it('from the jittered point before the advisory window, one caller starts a refresh and nobody waits', async () => {
    const clock = manualClock();
    const gate = deferred();
    const source = countingSource(clock, HOUR, () => (source.calls > 1 ? gate.promise : undefined));
    // random 0: the latest proactive point, 41.25 min (the timer never fires: the test ends first).
    const provider = cacheCredentials(source.fn, { now: clock.now, random: () => 0 });
    const first = await provider();
    clock.advance(41 * MIN);
    await provider();
    expect(source.calls).toBe(1);
    clock.advance(15 * SEC);
    expect(provider.stats().state).toBe('refresh-due');
    const served = await Promise.all(Array.from({ length: 20 }, () => provider()));
    expect(served.every((c) => c === first)).toBe(true);
    expect(source.calls).toBe(2);
    gate.resolve();
    await settle();
    expect((await provider()).accessKeyId).toBe('ASIATEST00000002');
    provider.dispose();
  });

  it('the random draw moves the proactive point earlier, down to 37.5 min for 1-hour credentials', async () => {
    const clock = manualClock();
    const source = countingSource(clock, HOUR);
    const provider = cacheCredentials(source.fn, { now: clock.now, random: () => 0.999 });
    await provider();
    clock.advance(37 * MIN);
    await provider();
    expect(source.calls).toBe(1);
    clock.advance(MIN);
    await provider();
    expect(source.calls).toBe(2);
    provider.dispose();
  });
});

describe('invalidate', () => {
  it('the cached key: the next callers take the mandatory path together; another key: no change', async () => {
    const clock = manualClock();
    const source = countingSource(clock, HOUR);
    const provider = cacheCredentials(source.fn, { now: clock.now, backgroundRefresh: false });
    const first = await provider();
    provider.invalidate('ASIA-NOT-OURS');
    expect(await provider()).toBe(first);
    expect(source.calls).toBe(1);
    provider.invalidate(first.accessKeyId);
    expect(provider.stats().state).toBe('mandatory');
    const [a, b] = await Promise.all([provider(), provider()]);
    expect(a.accessKeyId).not.toBe(first.accessKeyId);
    expect(b).toBe(a);
    expect(source.calls).toBe(2);
    provider.invalidate(first.accessKeyId); // the old key again: no change
    await provider();
    expect(source.calls).toBe(2);
  });
});

describe('source options', () => {
  it('passes the caller options (the SDK identity properties) to the source', async () => {
    const clock = manualClock();
    const seen: unknown[] = [];
    const provider = cacheCredentials(
      async (options) => {
        seen.push(options);
        return { accessKeyId: 'AKID', secretAccessKey: 's', expiration: new Date(clock.now() + HOUR) };
      },
      { now: clock.now, backgroundRefresh: false },
    );
    const options = { callerClientConfig: { region: 'eu-west-1' } };
    await provider(options);
    expect(seen).toEqual([options]);
  });

  it('rejects invalid options with a RangeError', () => {
    const source = async () => ({ accessKeyId: 'a', secretAccessKey: 'b' });
    expect(() => cacheCredentials(source, { refreshBackoffSeconds: -1 })).toThrow(RangeError);
    expect(() => cacheCredentials(source, { maxSourceCallsPerMinute: 0 })).toThrow(RangeError);
    expect(() => cacheCredentials(source, { advisoryWindowSeconds: Number.NaN })).toThrow(RangeError);
    expect(() => cacheCredentials(undefined as never)).toThrow(TypeError);
  });
});

describe('states and concurrency', () => {
  it('valid: the hot path hands back the very same promise (no allocation) and never calls the source', async () => {
    const clock = clockAt();
    const s = gatedSource(clock);
    const provider = cacheCredentials(s.fn, { now: clock.now, backgroundRefresh: false });
    await provider();
    const a = provider();
    const b = provider();
    expect(a).toBe(b);
    for (let i = 0; i < 10_000; i++) provider();
    expect(s.calls).toBe(1);
    expect(provider.stats()).toMatchObject({ state: 'valid', sourceCalls: 1, hits: 10_002 });
  });

  it('advisory, in the background mode: 200 concurrent callers, one source call, every caller resolved before the slow source resolves', async () => {
    const clock = clockAt();
    const s = gatedSource(clock);
    const provider = cacheCredentials(s.fn, { now: clock.now, backgroundRefresh: false, advisoryRefreshInBackground: true });
    const first = await provider();
    const held = gate();
    s.hold = held.promise;
    clock.advance(50 * MIN);
    const group = callers(200, () => provider());
    await flush();
    expect(group.count()).toBe(200);
    expect(group.settled.every((c) => c === first)).toBe(true);
    expect(s.calls).toBe(2);
    expect(provider.stats()).toMatchObject({ state: 'advisory', refreshing: true });
    held.open();
    await flush();
    expect((await provider()).accessKeyId).toBe('ASIAAUDIT0000002');
    expect(s.calls).toBe(2);
  });

  it.each([
    ['mandatory', 59.5 * MIN],
    ['expired', 3 * HOUR],
  ])('%s: 200 concurrent callers all wait for one shared refresh and get the new credentials', async (state, at) => {
    const clock = clockAt();
    const s = gatedSource(clock);
    const provider = cacheCredentials(s.fn, { now: clock.now, backgroundRefresh: false });
    await provider();
    clock.advance(at);
    expect(provider.stats().state).toBe(state);
    const held = gate();
    s.hold = held.promise;
    const group = callers(200, () => provider());
    await flush();
    expect(group.count()).toBe(0);
    held.open();
    const results = await group.done();
    expect(results.every((c) => (c as AwsCredentialIdentity).accessKeyId === 'ASIAAUDIT0000002')).toBe(true);
    expect(s.calls).toBe(2);
  });

  it('credentials without expiration are kept until invalidated', async () => {
    const clock = clockAt();
    const s = gatedSource(clock, null);
    const provider = cacheCredentials(s.fn, { now: clock.now });
    const first = await provider();
    clock.advance(400 * 24 * HOUR);
    expect(await provider()).toBe(first);
    expect(provider.stats().state).toBe('valid');
    provider.invalidate(first.accessKeyId);
    expect((await provider()).accessKeyId).toBe('ASIAAUDIT0000002');
    expect(s.calls).toBe(2);
    provider.dispose();
  });
});

describe('invalidate', () => {
  it('the cached key: the next callers all wait for one shared refresh; another key: nothing changes', async () => {
    const clock = clockAt();
    const s = gatedSource(clock);
    const provider = cacheCredentials(s.fn, { now: clock.now, backgroundRefresh: false });
    const first = await provider();
    provider.invalidate('ASIASOMEONEELSE');
    expect(provider()).toBe(provider());
    expect(provider.stats().state).toBe('valid');
    provider.invalidate(first.accessKeyId);
    const held = gate();
    s.hold = held.promise;
    const group = callers(50, () => provider());
    await flush();
    expect(group.count()).toBe(0);
    held.open();
    const results = await group.done();
    expect(results.every((c) => (c as AwsCredentialIdentity).accessKeyId === 'ASIAAUDIT0000002')).toBe(true);
    expect(s.calls).toBe(2);
    provider.invalidate(first.accessKeyId); // the old key again: no effect
    await provider();
    expect(s.calls).toBe(2);
  });

  it('an active backoff still holds: the (invalidated) cached credentials are served, the source is not called', async () => {
    const clock = clockAt();
    const s = gatedSource(clock);
    const provider = cacheCredentials(s.fn, { now: clock.now, random: () => 0, backgroundRefresh: false });
    const first = await provider();
    s.error = named('Throttling');
    clock.advance(50 * MIN);
    await provider();
    await flush(); // the background refresh failed: backoff 300 s
    provider.invalidate(first.accessKeyId);
    for (let i = 0; i < 20; i++) expect(await provider()).toBe(first);
    expect(s.calls).toBe(2);
    s.error = undefined;
    clock.advance(300 * SEC);
    expect((await provider()).accessKeyId).toBe('ASIAAUDIT0000003');
  });
});
