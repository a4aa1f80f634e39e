// The refresh windows and the states of one cache entry, with an injected clock.
import { describe, expect, it } from 'vitest';
import { advisoryWindowMs, cacheCredentials, mandatoryWindowMs } from '../../src/runtime/index.js';
import { MIN, SEC, countingSource, deferred, manualClock } from './support.js';

describe('advisory and mandatory windows', () => {
  it.each([
    [15 * MIN, 5 * MIN],
    [20 * MIN, 5 * MIN],
    [40 * MIN, 15 * MIN],
    [89 * MIN, 15 * MIN],
    [120 * MIN, 60 * MIN],
    [12 * 60 * MIN, 60 * MIN],
  ])('lifetime %d ms -> advisory %d ms', (lifetime, advisory) => {
    expect(advisoryWindowMs(lifetime)).toBe(advisory);
  });

  it('caps the window at half the lifetime, so short-lived credentials do not refresh on every call', () => {
    expect(advisoryWindowMs(8 * SEC)).toBe(4 * SEC);
    expect(advisoryWindowMs(6 * MIN)).toBe(3 * MIN);
    expect(advisoryWindowMs(21 * MIN)).toBe(10.5 * MIN);
    expect(advisoryWindowMs(90 * MIN)).toBe(45 * MIN);
  });

  it('takes advisoryWindowSeconds over the table', () => {
    expect(advisoryWindowMs(60 * MIN, 120)).toBe(2 * MIN);
  });

  it('mandatory window is min(60 s, advisory)', () => {
    expect(mandatoryWindowMs(15 * MIN)).toBe(60 * SEC);
    expect(mandatoryWindowMs(4 * SEC)).toBe(4 * SEC);
  });
});

describe('one entry over time', () => {
  it('serves valid credentials from the cache', async () => {
    const clock = manualClock();
    const source = countingSource(clock, 60 * MIN);
    const provider = cacheCredentials(source.fn, { now: clock.now, backgroundRefresh: false });
    for (let i = 0; i < 100; i++) await provider();
    expect(source.calls).toBe(1);
    expect(provider.stats()).toMatchObject({ state: 'valid', sourceCalls: 1, hits: 99 });
  });

  it('in the advisory window: one source call, and no caller waits for it', async () => {
    const clock = manualClock();
    const gate = deferred();
    const source = countingSource(clock, 60 * MIN, () => (source.calls > 1 ? gate.promise : undefined));
    const provider = cacheCredentials(source.fn, { now: clock.now, random: () => 0, backgroundRefresh: false });
    const first = await provider();
    clock.advance(50 * MIN); // 10 min before expiry: inside the 15-min advisory window
    const served = await Promise.all(Array.from({ length: 50 }, () => provider()));
    expect(served.every((c) => c.accessKeyId === first.accessKeyId)).toBe(true);
    expect(source.calls).toBe(2);
    gate.resolve();
    await Promise.resolve();
    await new Promise((r) => setTimeout(r, 0));
    expect((await provider()).accessKeyId).not.toBe(first.accessKeyId);
    expect(source.calls).toBe(2);
  });

  it('in the mandatory window: every caller waits for one shared refresh', async () => {
    const clock = manualClock();
    const source = countingSource(clock, 60 * MIN);
    const provider = cacheCredentials(source.fn, { now: clock.now, backgroundRefresh: false });
    const first = await provider();
    clock.advance(59 * MIN + 30 * SEC);
    const all = await Promise.all(Array.from({ length: 100 }, () => provider()));
    expect(source.calls).toBe(2);
    expect(new Set(all.map((c) => c.accessKeyId))).toEqual(new Set([all[0]!.accessKeyId]));
    expect(all[0]!.accessKeyId).not.toBe(first.accessKeyId);
  });

  it('after expiry: callers wait for one refresh', async () => {
    const clock = manualClock();
    const source = countingSource(clock, 60 * MIN);
    const provider = cacheCredentials(source.fn, { now: clock.now, backgroundRefresh: false });
    await provider();
    clock.advance(2 * 60 * MIN);
    await Promise.all(Array.from({ length: 1000 }, () => provider()));
    expect(source.calls).toBe(2);
  });

  it('keeps credentials without expiration until they are invalidated', async () => {
    const clock = manualClock();
    const source = countingSource(clock, undefined);
    const provider = cacheCredentials(source.fn, { now: clock.now, backgroundRefresh: false });
    const first = await provider();
    clock.advance(365 * 24 * 60 * MIN);
    expect((await provider()).accessKeyId).toBe(first.accessKeyId);
    provider.invalidate('some-other-key');
    expect((await provider()).accessKeyId).toBe(first.accessKeyId);
    provider.invalidate(first.accessKeyId);
    expect((await provider()).accessKeyId).not.toBe(first.accessKeyId);
    expect(source.calls).toBe(2);
  });

  it('refreshes on access at the jittered proactive point, without making the caller wait (frozen timers)', async () => {
    const clock = manualClock();
    const gate = deferred();
    const source = countingSource(clock, 60 * MIN, () => (source.calls > 1 ? gate.promise : undefined));
    const early = cacheCredentials(source.fn, { now: clock.now, random: () => 0, backgroundRefresh: false });
    const first = await early();
    clock.advance(44 * MIN); // random 0: the proactive point is the advisory start (45 min)
    await early();
    expect(source.calls).toBe(1);
    clock.advance(MIN + 1);
    expect((await early()).accessKeyId).toBe(first.accessKeyId);
    expect(source.calls).toBe(2);
    gate.resolve();
  });

  it('moves the proactive point earlier with the random draw', async () => {
    const clock = manualClock();
    const source = countingSource(clock, 60 * MIN);
    const late = cacheCredentials(source.fn, { now: clock.now, random: () => 0.99, backgroundRefresh: false });
    await late();
    clock.advance(38 * MIN); // random .99: up to 7.5 min before the advisory start
    await late();
    expect(late.stats().sourceCalls).toBe(2);
  });
});
