// `{ forceRefresh: true }`, as the RDS signer passes it when credentials expire within 15 minutes:
// one shared refresh now, still subject to the backoff and the source-call rate limit.
import { describe, expect, it } from 'vitest';
import { cacheCredentials } from '../../src/runtime/index.js';
import { HOUR, MIN, countingSource, deferred, flakySource, manualClock } from './support.js';

describe('forceRefresh', () => {
  it('refreshes valid credentials now and hands back the new ones', async () => {
    const clock = manualClock();
    const source = countingSource(clock, HOUR);
    const provider = cacheCredentials(source.fn, { now: clock.now, backgroundRefresh: false });
    const first = await provider();
    const forced = await provider({ forceRefresh: true });
    expect(source.calls).toBe(2);
    expect(forced).not.toBe(first);
    expect(forced.accessKeyId).toBe('ASIATEST00000002');
    expect(await provider()).toBe(forced);
  });

  it('concurrent forced callers share one refresh', async () => {
    const clock = manualClock();
    const gate = deferred();
    const source = countingSource(clock, HOUR, () => (source.calls > 1 ? gate.promise : undefined));
    const provider = cacheCredentials(source.fn, { now: clock.now, backgroundRefresh: false });
    await provider();
    const forced = Array.from({ length: 20 }, () => provider({ forceRefresh: true }));
    gate.resolve();
    const results = await Promise.all(forced);
    expect(source.calls).toBe(2);
    expect(new Set(results.map((c) => c.accessKeyId))).toEqual(new Set(['ASIATEST00000002']));
  });

  it('is rate-limited: a loop of forced refreshes reaches the source at most the burst, then is served the cache', async () => {
    const clock = manualClock();
    const source = countingSource(clock, HOUR);
    const provider = cacheCredentials(source.fn, { now: clock.now, backgroundRefresh: false });
    await provider();
    for (let i = 0; i < 50; i++) await provider({ forceRefresh: true });
    expect(source.calls).toBe(10); // the burst of 10, the first fetch included
  });

  it('honours an active backoff: the cached credentials, no source call', async () => {
    const clock = manualClock();
    const source = flakySource(clock);
    const provider = cacheCredentials(source.fn, { now: clock.now, backgroundRefresh: false });
    const first = await provider();
    source.fail('Throttling');
    expect(await provider({ forceRefresh: true })).toBe(first); // fails, backs off
    expect(source.calls).toBe(2);
    source.recover();
    clock.advance(MIN);
    expect(await provider({ forceRefresh: true })).toBe(first);
    expect(source.calls).toBe(2);
  });

  it('a non-recoverable failure is raised to the forced caller', async () => {
    const clock = manualClock();
    const source = flakySource(clock);
    const provider = cacheCredentials(source.fn, { now: clock.now, backgroundRefresh: false });
    await provider();
    source.fail('AccessDenied');
    await expect(provider({ forceRefresh: true })).rejects.toMatchObject({ name: 'AccessDenied' });
  });
});
