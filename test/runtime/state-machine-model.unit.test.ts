// Random walks through one cache entry's life (fast-check): time jumps, bursts of concurrent
// callers, a source that succeeds, throttles, denies, returns expired credentials or hangs until
// released, and invalidations. After every step the invariants of the contract must hold:
//   - at most one source call in flight (plus one per call abandoned at the source-call timeout);
//   - with credentials cached, no caller waits in the valid or refresh-due state, and in the
//     advisory window only the caller that starts the refresh may (the others settle while the
//     source is still held);
//   - every call settles once the source is released (no lost wake-ups, no hang);
//   - callers get credentials or a known error, never anything else;
//   - source calls stay within the per-key rate limit (burst 10 + 1 a second);
//   - a recoverable failure with credentials cached is never raised: the cached ones are served;
//   - with a healthy source and no backoff, nobody is handed expired credentials.
// Run with background refresh off (the injected clock alone) and on (fake timers drive the clock).
import fc from 'fast-check';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cacheCredentials, CredentialsUnavailableError, type AwsCredentialIdentity, type CredentialEvent } from '../../src/runtime/index.js';

const SEC = 1000;
const MIN = 60 * SEC;

type Mode = 'ok' | 'throttle' | 'denied' | 'expired' | 'hold';
type Step =
  | { kind: 'advance'; ms: number }
  | { kind: 'call'; n: number }
  | { kind: 'mode'; mode: Mode }
  | { kind: 'lifetime'; ms: number | null }
  | { kind: 'invalidate' }
  /** Jump to where only `left` of the cached credentials' remaining lifetime is left (visits every zone). */
  | { kind: 'toward'; left: number };

const step: fc.Arbitrary<Step> = fc.oneof(
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('advance' as const), ms: fc.oneof(fc.integer({ min: 0, max: 2 * SEC }), fc.integer({ min: 0, max: 20 * MIN }), fc.integer({ min: 0, max: 3 * 60 * MIN })) }) },
  { weight: 8, arbitrary: fc.record({ kind: fc.constant('call' as const), n: fc.integer({ min: 1, max: 8 }) }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('mode' as const), mode: fc.constantFrom<Mode>('ok', 'ok', 'throttle', 'denied', 'expired', 'hold') }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('lifetime' as const), ms: fc.constantFrom(8 * SEC, 15 * MIN, 60 * MIN, 6 * 60 * MIN, null) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('invalidate' as const) }) },
  { weight: 8, arbitrary: fc.record({ kind: fc.constant('toward' as const), left: fc.noBias(fc.integer({ min: 1, max: 600 })).map((permille) => permille / 1000) }) },
);

const KNOWN_ERRORS = new Set(['CredentialsUnavailableError', 'AccessDenied']);

async function microturns(): Promise<void> {
  for (let i = 0; i < 30; i++) await Promise.resolve();
}

async function walk(steps: Step[], background: boolean): Promise<void> {
  const start = Date.now();
  let manual = start;
  const now = background ? () => Date.now() : () => manual;
  const advance = async (ms: number) => {
    if (background) await vi.advanceTimersByTimeAsync(ms);
    else manual += ms;
  };

  let mode: Mode = 'ok';
  let lifetime: number | null = 60 * MIN;
  let issued = 0;
  let active = 0;
  let maxActive = 0;
  let calls = 0;
  let release: (() => void) | undefined;
  let held: Promise<void> | undefined;
  const hold = () => {
    if (!held) held = new Promise<void>((resolve) => (release = resolve));
    return held;
  };
  const releaseAll = () => {
    release?.();
    held = undefined;
    release = undefined;
  };

  const source = async (): Promise<AwsCredentialIdentity> => {
    calls++;
    active++;
    maxActive = Math.max(maxActive, active);
    try {
      const current = mode;
      if (current === 'hold') await hold();
      if (current === 'throttle') throw Object.assign(new Error('Rate exceeded'), { name: 'Throttling' });
      if (current === 'denied') throw Object.assign(new Error('not authorized'), { name: 'AccessDenied' });
      issued++;
      const exp = current === 'expired' ? now() - SEC : lifetime === null ? undefined : now() + lifetime;
      return { accessKeyId: `ASIAMODEL${issued}`, secretAccessKey: 's', ...(exp !== undefined && { expiration: new Date(exp) }) };
    } finally {
      active--;
    }
  };

  // A held source call that outlives sourceTimeoutSeconds is abandoned: the next refresh may start
  // while it still hangs, so each timeout allows one more source call at a time.
  let timeouts = 0;
  const onEvent = (event: CredentialEvent) => void (event.type === 'refresh-failed' && event.error?.name === 'SourceTimeoutError' && timeouts++);
  const provider = cacheCredentials(source, { now, backgroundRefresh: background, name: 'model', onEvent });
  let lastServed: AwsCredentialIdentity | undefined;
  try {
    for (const s of steps) {
      if (s.kind === 'advance') await advance(s.ms);
      else if (s.kind === 'mode') {
        mode = s.mode;
        if (mode !== 'hold') releaseAll();
      } else if (s.kind === 'lifetime') lifetime = s.ms;
      else if (s.kind === 'toward') {
        const expiration = provider.stats().expiration;
        const remaining = expiration ? expiration.getTime() - now() : 0;
        if (remaining > 0) await advance(Math.floor(remaining * (1 - s.left)));
      } else if (s.kind === 'invalidate') {
        if (lastServed) provider.invalidate(lastServed.accessKeyId);
      } else {
        const before = provider.stats();
        const modeAtCall = mode;
        const cachedAndEarly = before.accessKeyId !== undefined && ['valid', 'refresh-due'].includes(before.state);
        const advisory = before.accessKeyId !== undefined && before.state === 'advisory';
        const outcomes: (AwsCredentialIdentity | Error | undefined)[] = Array.from({ length: s.n }, () => undefined);
        const all = Promise.all(
          Array.from({ length: s.n }, (_, i) =>
            provider().then(
              (c) => void (outcomes[i] = c),
              (e: Error) => void (outcomes[i] = e),
            ),
          ),
        );
        await microturns();
        if (cachedAndEarly) {
          // Nobody waits before the mandatory window, even while the source hangs.
          expect(outcomes.every((o) => o !== undefined && !(o instanceof Error))).toBe(true);
        }
        if (advisory) {
          // In the advisory window only the caller that starts the refresh may wait for it.
          expect(outcomes.filter((o) => o !== undefined).length).toBeGreaterThanOrEqual(s.n - 1);
        }
        // Release a held source so the step can finish; then every caller must settle.
        const wasHeld = held !== undefined;
        if (wasHeld) releaseAll();
        await microturns();
        if (background) await vi.advanceTimersByTimeAsync(0);
        await Promise.race([all, microturns().then(() => undefined)]);
        await microturns();
        expect(outcomes.every((o) => o !== undefined)).toBe(true);
        await all;
        for (const o of outcomes) {
          if (o instanceof Error) {
            expect(KNOWN_ERRORS.has(o.name)).toBe(true);
            // With credentials cached, only non-recoverable errors are raised.
            if (o.name === 'CredentialsUnavailableError') expect(before.accessKeyId === undefined || provider.stats().accessKeyId === undefined).toBe(true);
          } else {
            expect(typeof o!.accessKeyId).toBe('string');
            // A healthy source and no backoff: nobody is handed expired credentials.
            if (modeAtCall === 'ok' && before.backoffUntil === undefined && o!.expiration) expect(o!.expiration.getTime()).toBeGreaterThan(now());
            lastServed = o;
          }
        }
        if (wasHeld && mode === 'hold') mode = 'hold'; // the next call holds again
      }
      expect(maxActive).toBeLessThanOrEqual(1 + timeouts);
      const elapsed = now() - start;
      expect(calls).toBeLessThanOrEqual(10 + Math.ceil(elapsed / SEC) + 1);
    }
  } finally {
    releaseAll();
    provider.dispose();
  }
}

afterEach(() => void vi.useRealTimers());

describe('random walks through one entry (property)', () => {
  it('background refresh off: the invariants hold after every step', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(step, { minLength: 5, maxLength: 60 }), (steps) => walk(steps, false)),
      { numRuns: 500 },
    );
  });

  it('background refresh on, fake timers: the invariants hold after every step', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(step, { minLength: 5, maxLength: 40 }), async (steps) => {
        vi.useFakeTimers({ now: Date.UTC(2026, 10, 23, 12) });
        try {
          await walk(steps, true);
        } finally {
          vi.useRealTimers();
        }
      }),
      { numRuns: 300 },
    );
  });

  it('keeps CredentialsUnavailableError for the empty cache only (sanity of the oracle)', async () => {
    const provider = cacheCredentials(async () => {
      throw Object.assign(new Error('x'), { name: 'Throttling' });
    }, { backgroundRefresh: false });
    await expect(provider()).rejects.toBeInstanceOf(CredentialsUnavailableError);
  });
});
