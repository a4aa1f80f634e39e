// The refresh windows: pure functions of the credentials' lifetime.
import fc from 'fast-check';
import { describe, expect, it, afterEach } from 'vitest';
import { advisoryWindowMs, mandatoryWindowMs, cacheCredentials, type AwsCredentialIdentity } from '../../src/runtime/index.js';
import { proactiveRefreshAt, scheduleFor } from '../../src/runtime/windows.js';
import { HOUR, MIN, SEC } from './support.js';
import { clockAt, gate, flush, gatedSource, callers, resetRuntimeState } from './gated-source.js';

afterEach(() => resetRuntimeState());

describe('advisory window', () => {
  it.each([
    [15 * MIN, 5 * MIN],
    [20 * MIN, 5 * MIN],
    [30 * MIN, 15 * MIN],
    [40 * MIN, 15 * MIN],
    [89 * MIN, 15 * MIN],
    [2 * HOUR, 60 * MIN],
    [12 * HOUR, 60 * MIN],
  ])('lifetime %d ms -> %d ms', (lifetime, advisory) => {
    expect(advisoryWindowMs(lifetime)).toBe(advisory);
  });

  it('is at most half the lifetime below 10 minutes, so short-lived credentials do not refresh on every call', () => {
    expect(advisoryWindowMs(8 * SEC)).toBe(4 * SEC);
    expect(advisoryWindowMs(6 * MIN)).toBe(3 * MIN);
    expect(advisoryWindowMs(10 * MIN - 2)).toBe(5 * MIN - 1);
  });

  it('follows the cross-SDK table exactly from 10 minutes on (no half-lifetime cap there)', () => {
    expect(advisoryWindowMs(10 * MIN)).toBe(5 * MIN);
    expect(advisoryWindowMs(20 * MIN + 2)).toBe(15 * MIN);
    expect(advisoryWindowMs(20.5 * MIN)).toBe(15 * MIN);
    expect(advisoryWindowMs(90 * MIN)).toBe(60 * MIN);
    expect(advisoryWindowMs(100 * MIN)).toBe(60 * MIN);
    expect(advisoryWindowMs(6 * HOUR)).toBe(60 * MIN);
  });

  it('takes advisoryWindowSeconds over the table, still capped at half the lifetime', () => {
    expect(advisoryWindowMs(60 * MIN, 120)).toBe(2 * MIN);
    expect(advisoryWindowMs(60 * MIN, 0)).toBe(0);
    expect(advisoryWindowMs(10 * MIN, 3600)).toBe(5 * MIN);
  });

  it('is never negative, never more than the lifetime, and at most half of it below 10 minutes or when overridden (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 48 * HOUR }), fc.option(fc.integer({ min: 1, max: 10_000 }), { nil: undefined }), (lifetime, override) => {
        const advisory = advisoryWindowMs(lifetime, override);
        expect(advisory).toBeGreaterThanOrEqual(0);
        expect(advisory).toBeLessThanOrEqual(lifetime);
        if (lifetime < 10 * MIN || override !== undefined) expect(advisory).toBeLessThanOrEqual(lifetime / 2);
      }),
    );
  });
});

describe('mandatory window', () => {
  it('is min(60 s, advisory)', () => {
    expect(mandatoryWindowMs(15 * MIN)).toBe(60 * SEC);
    expect(mandatoryWindowMs(60 * SEC)).toBe(60 * SEC);
    expect(mandatoryWindowMs(4 * SEC)).toBe(4 * SEC);
  });
});

describe('schedule', () => {
  const T0 = Date.UTC(2026, 0, 1);

  it('1-hour credentials: proactive between 37.5 and 41.25 min, advisory at 45 min, mandatory at 59 min', () => {
    const early = scheduleFor(T0, T0 + HOUR, 0.999_999);
    const late = scheduleFor(T0, T0 + HOUR, 0);
    expect(late.proactiveAt - T0).toBe(41.25 * MIN);
    expect(early.proactiveAt - T0).toBeCloseTo(37.5 * MIN, -1);
    expect(late.advisoryAt - T0).toBe(45 * MIN);
    expect(late.mandatoryAt - T0).toBe(59 * MIN);
    expect(late.expiresAt - T0).toBe(HOUR);
  });

  it('keeps an advisory (non-blocking) phase for short-lived credentials', () => {
    const s = scheduleFor(T0, T0 + 8 * SEC, 0);
    expect(s.advisoryAt - T0).toBe(4 * SEC);
    expect(s.mandatoryAt - T0).toBe(6 * SEC);
    expect(s.proactiveAt - T0).toBe(3 * SEC);
  });

  it('orders fetch <= proactive <= advisory <= mandatory <= expiry for any lifetime and draw (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 36 * HOUR }),
        fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }),
        fc.option(fc.integer({ min: 0, max: 7200 }), { nil: undefined }),
        (lifetime, random, override) => {
          const s = scheduleFor(T0, T0 + lifetime, random, override);
          expect(s.proactiveAt).toBeGreaterThanOrEqual(T0);
          expect(s.proactiveAt).toBeLessThanOrEqual(s.advisoryAt);
          expect(s.advisoryAt).toBeLessThanOrEqual(s.mandatoryAt);
          expect(s.mandatoryAt).toBeLessThanOrEqual(s.expiresAt);
        },
      ),
    );
  });

  it('jitters the proactive point over a range, so a fleet does not refresh in lock-step', () => {
    const points = new Set([0, 0.25, 0.5, 0.75, 0.99].map((r) => proactiveRefreshAt(T0, T0 + 45 * MIN, 15 * MIN, r)));
    expect(points.size).toBe(5);
    for (const at of points) {
      expect(at).toBeGreaterThan(T0 + 37.5 * MIN);
      expect(at).toBeLessThanOrEqual(T0 + 41.25 * MIN);
    }
  });

  it('credentials without expiration never need a refresh', () => {
    expect(scheduleFor(T0, Infinity, 0.5)).toEqual({ expiresAt: Infinity, proactiveAt: Infinity, advisoryAt: Infinity, mandatoryAt: Infinity });
  });
});

describe('windows, through the cache (background off: deterministic)', () => {
  it('8-second credentials do not refresh on every call: 1,000 calls in the first 2 s, one source call', async () => {
    const clock = clockAt();
    const s = gatedSource(clock, 8 * SEC);
    const provider = cacheCredentials(s.fn, { now: clock.now, backgroundRefresh: false });
    for (let i = 0; i < 1000; i++) {
      await provider();
      clock.advance(2);
    }
    expect(s.calls).toBe(1);
  });

  it.each([
    // lifetime, advisory window (ms before expiry): the table, capped at half the lifetime
    [15 * MIN, 5 * MIN],
    [20 * MIN, 5 * MIN],
    [30 * MIN, 15 * MIN],
    [89 * MIN, 15 * MIN],
    [2 * HOUR, 60 * MIN],
    [6 * HOUR, 60 * MIN],
    [6 * MIN, 3 * MIN],
  ])('lifetime %d ms: the first refresh starts exactly %d ms before expiry', async (lifetime, advisory) => {
    const clock = clockAt();
    const s = gatedSource(clock, lifetime);
    const provider = cacheCredentials(s.fn, { now: clock.now, backgroundRefresh: false });
    await provider();
    clock.advance(lifetime - advisory - 1);
    await provider();
    expect(s.calls).toBe(1);
    clock.advance(1);
    await provider();
    expect(s.calls).toBe(2);
  });

  it('advisoryWindowSeconds overrides the table (and is capped at half the lifetime)', async () => {
    const clock = clockAt();
    const s = gatedSource(clock, HOUR);
    const provider = cacheCredentials(s.fn, { now: clock.now, backgroundRefresh: false, advisoryWindowSeconds: 120 });
    await provider();
    clock.advance(58 * MIN - 1);
    await provider();
    expect(s.calls).toBe(1); // the table would have refreshed at 45 min
    clock.advance(1);
    await provider();
    expect(s.calls).toBe(2);

    const clock2 = clockAt();
    const s2 = gatedSource(clock2, 10 * MIN);
    const capped = cacheCredentials(s2.fn, { now: clock2.now, backgroundRefresh: false, advisoryWindowSeconds: 3600 });
    await capped();
    clock2.advance(5 * MIN - 1);
    await capped();
    expect(s2.calls).toBe(1); // not at once: the override is capped at half the 10-min lifetime
    clock2.advance(1);
    await capped();
    expect(s2.calls).toBe(2);
  });

  it('mandatory window of 1-hour credentials is the last 60 s: before it nobody waits, inside it everyone waits', async () => {
    const clock = clockAt();
    const s = gatedSource(clock, HOUR);
    const provider = cacheCredentials(s.fn, { now: clock.now, backgroundRefresh: false, advisoryRefreshInBackground: true });
    const first = await provider();
    const held = gate();
    s.hold = held.promise;
    clock.advance(59 * MIN - 1); // advisory (background mode): served at once, one refresh starts
    expect(await provider()).toBe(first);
    expect(s.calls).toBe(2);
    clock.advance(1); // mandatory: waits for the refresh in flight
    const waiting = callers(10, () => provider());
    await flush();
    expect(waiting.count()).toBe(0);
    held.open();
    const results = await waiting.done();
    expect(new Set(results.map((c) => (c as AwsCredentialIdentity).accessKeyId))).toEqual(new Set(['ASIAAUDIT0000002']));
    expect(s.calls).toBe(2);
  });
});
