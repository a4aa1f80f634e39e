// The refresh windows: pure functions of the credentials' lifetime.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { advisoryWindowMs, mandatoryWindowMs } from '../../src/runtime/index.js';
import { proactiveRefreshAt, scheduleFor } from '../../src/runtime/windows.js';
import { HOUR, MIN, SEC } from './support.js';

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
