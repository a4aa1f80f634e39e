// An independent audit of the runtime's contract (ARCHITECTURE.md, "The runtime"): each test pins
// one behaviour with an injected clock and randomness, and several probe edges the main suites do
// not (string expirations, the hot path's identity, boundaries to the millisecond, concurrent
// callers at every state, a lookup racing idle eviction). Helpers are local so this file does not
// depend on support.ts. Every loop is bounded.
import fc from 'fast-check';
import { inspect } from 'node:util';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  cacheCredentials,
  clearSharedCredentials,
  configureSharedCredentials,
  CredentialsUnavailableError,
  ExpiredCredentialsError,
  isNonRecoverableCredentialError,
  sharedCredentials,
  sharedCredentialsSize,
  stableKey,
  toV2Credentials,
  type AwsCredentialIdentity,
  type CredentialEvent,
} from '../../src/runtime/index.js';

const SEC = 1000;
const MIN = 60 * SEC;
const HOUR = 60 * MIN;
const SECRET = 'audit/SECRET/wJalrXUtnFEMI/K7MDENG+bPxRfiCY';
const TOKEN = 'audit/TOKEN/IQoJb3JpZ2luX2VjEJr//////////wEaCXVzLWVhc3QtMSJH';
const leaks = (text: string): boolean => text.includes(SECRET) || text.includes(TOKEN) || text.includes('wJalrXUtnFEMI') || text.includes('IQoJb3JpZ2lu');

function clockAt(start = Date.UTC(2026, 10, 23, 12)) {
  let time = start;
  return { now: () => time, advance: (ms: number) => void (time += ms), set: (t: number) => void (time = t), start };
}

function gate() {
  let open!: () => void;
  const promise = new Promise<void>((resolve) => (open = resolve));
  return { promise, open };
}

/** Lets queued promise callbacks run; bounded (a few turns of the event loop, real timers only). */
async function flush(): Promise<void> {
  for (let i = 0; i < 3; i++) await new Promise<void>((resolve) => setImmediate(resolve));
}

/** Microtask-only flush, safe under fake timers. */
async function microflush(): Promise<void> {
  for (let i = 0; i < 20; i++) await Promise.resolve();
}

interface Source {
  calls: number;
  fn: (options?: Record<string, any>) => Promise<AwsCredentialIdentity>;
  /** While set, calls wait for this gate. */
  hold?: Promise<void>;
  /** While set, calls fail with this error (after the hold). */
  error?: unknown;
  /** Lifetime of issued credentials (ms); null: no expiration. */
  lifetime: number | null;
}

function source(clock: { now: () => number }, lifetime: number | null = HOUR): Source {
  const s: Source = {
    calls: 0,
    lifetime,
    fn: async () => {
      s.calls++;
      const n = s.calls;
      if (s.hold) await s.hold;
      if (s.error !== undefined) throw s.error;
      return {
        accessKeyId: `ASIAAUDIT${String(n).padStart(7, '0')}`,
        secretAccessKey: SECRET,
        sessionToken: TOKEN,
        ...(s.lifetime !== null && { expiration: new Date(clock.now() + s.lifetime) }),
      };
    },
  };
  return s;
}

function named(name: string, message = `${name} (simulated)`): Error {
  return Object.assign(new Error(message), { name });
}

/** Starts n calls and tracks which have settled. */
function callers(n: number, call: () => Promise<AwsCredentialIdentity>) {
  const settled: (AwsCredentialIdentity | Error | undefined)[] = Array.from({ length: n }, () => undefined);
  const all = Array.from({ length: n }, (_, i) =>
    call().then(
      (value) => void (settled[i] = value),
      (error: Error) => void (settled[i] = error),
    ),
  );
  return { settled, done: () => Promise.all(all).then(() => settled), count: () => settled.filter((x) => x !== undefined).length };
}

afterEach(() => {
  clearSharedCredentials();
  configureSharedCredentials({ maxEntries: 1_000, idleEvictionSeconds: 3_600 });
  vi.useRealTimers();
});

describe('windows, through the cache (background off: deterministic)', () => {
  it('8-second credentials do not refresh on every call: 1,000 calls in the first 2 s, one source call', async () => {
    const clock = clockAt();
    const s = source(clock, 8 * SEC);
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
    const s = source(clock, lifetime);
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
    const s = source(clock, HOUR);
    const provider = cacheCredentials(s.fn, { now: clock.now, backgroundRefresh: false, advisoryWindowSeconds: 120 });
    await provider();
    clock.advance(58 * MIN - 1);
    await provider();
    expect(s.calls).toBe(1); // the table would have refreshed at 45 min
    clock.advance(1);
    await provider();
    expect(s.calls).toBe(2);

    const clock2 = clockAt();
    const s2 = source(clock2, 10 * MIN);
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
    const s = source(clock, HOUR);
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

describe('states and concurrency', () => {
  it('valid: the hot path hands back the very same promise (no allocation) and never calls the source', async () => {
    const clock = clockAt();
    const s = source(clock);
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
    const s = source(clock);
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
    const s = source(clock);
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
    const s = source(clock, null);
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

describe('proactive refresh', () => {
  beforeEach(() => void vi.useFakeTimers({ now: Date.UTC(2026, 10, 23, 12) }));

  // With fake timers that are never advanced, timers are frozen (as in a frozen Lambda): only the
  // check on access can start the proactive refresh. The clock moves through `now` alone.
  it.each([0, 0.5, 0.999])('frozen timers, random %d: an access past the jittered point refreshes in the background and returns the cached credentials at once', async (r) => {
    const clock = clockAt();
    const s = source(clock);
    const provider = cacheCredentials(s.fn, { now: clock.now, random: () => r });
    const first = await provider();
    const due = (() => {
      // Find the proactive point to the second from stats (bounded scan over the 45 min before the advisory window).
      const probe = clockAt(clock.now());
      for (let t = 0; t <= 45 * 60; t++) {
        probe.set(clock.start + t * SEC);
        if (cacheStateAt(provider, clock, probe.now()) !== 'valid') return t * SEC;
      }
      return NaN;
    })();
    // The point lies before the 45-min advisory start, earlier for larger draws.
    expect(due).toBeLessThan(45 * MIN);
    clock.set(clock.start + due - SEC);
    await provider();
    expect(s.calls).toBe(1);
    const held = gate();
    s.hold = held.promise;
    clock.set(clock.start + due);
    const group = callers(20, () => provider());
    await microflush();
    expect(group.count()).toBe(20);
    expect(group.settled.every((c) => c === first)).toBe(true);
    expect(s.calls).toBe(2);
    held.open();
    await microflush();
    expect((await provider()).accessKeyId).toBe('ASIAAUDIT0000002');
    provider.dispose();
    proactivePoints.set(r, due);
  });

  it('the proactive point moves earlier as random grows', () => {
    const [a, b, c] = [proactivePoints.get(0)!, proactivePoints.get(0.5)!, proactivePoints.get(0.999)!];
    expect(a).toBeGreaterThan(b);
    expect(b).toBeGreaterThan(c);
  });

  it('the timer fires at the jittered point (injected clock driven by the fake timers), and dispose() clears it', async () => {
    const now = () => Date.now();
    const s = source({ now });
    const provider = cacheCredentials(s.fn, { now, random: () => 0.5 });
    await provider();
    await provider(); // in use
    expect(vi.getTimerCount()).toBe(1);
    await vi.advanceTimersByTimeAsync(30 * MIN);
    expect(s.calls).toBe(1);
    await vi.advanceTimersByTimeAsync(15 * MIN - 1); // just before the advisory window
    expect(s.calls).toBe(2);
    provider.dispose();
    expect(vi.getTimerCount()).toBe(0);
    await vi.advanceTimersByTimeAsync(5 * HOUR);
    expect(s.calls).toBe(2);
  });

  it('the timer is unref()ed: it never keeps the process alive', async () => {
    const now = () => Date.now();
    const seen: { hasRef?: () => boolean }[] = [];
    const real = setTimeout;
    const spy = vi.spyOn(globalThis, 'setTimeout').mockImplementation(((fn: () => void, ms?: number) => {
      const timer = real(fn, ms);
      seen.push(timer as never);
      return timer;
    }) as typeof setTimeout);
    try {
      const provider = cacheCredentials(source({ now }).fn, { now });
      await provider();
      expect(seen.length).toBeGreaterThan(0);
      for (const timer of seen) expect(timer.hasRef?.()).toBe(false);
      provider.dispose();
    } finally {
      spy.mockRestore();
    }
  });

  it('backgroundRefresh: false: no timer, and no refresh before the advisory window (the proactive point is off)', async () => {
    const clock = clockAt();
    const s = source(clock);
    const provider = cacheCredentials(s.fn, { now: clock.now, random: () => 0.999, backgroundRefresh: false });
    await provider();
    expect(vi.getTimerCount()).toBe(0);
    clock.advance(45 * MIN - 1);
    await provider();
    expect(s.calls).toBe(1);
    expect(provider.stats().state).toBe('valid');
  });
});

const proactivePoints = new Map<number, number>();

/** The state the provider reports at time t (stats reads the injected clock). */
function cacheStateAt(provider: { stats(): { state: string } }, clock: { set(t: number): void; now(): number }, t: number): string {
  const saved = clock.now();
  clock.set(t);
  const state = provider.stats().state;
  clock.set(saved);
  return state;
}

describe('recoverable failures', () => {
  const recoverable = [
    ['Throttling', named('Throttling', 'Rate exceeded')],
    ['a network error', Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' })],
    ['a 5xx', Object.assign(named('ServiceUnavailable', 'Service Unavailable'), { $fault: 'server', $metadata: { httpStatusCode: 503 } })],
    ['a timeout', named('TimeoutError', 'Connection timed out after 1000 ms')],
  ] as const;

  it.each(recoverable)('%s: serves the cached (even expired) credentials; no source call until the random backoff passes, then exactly one', async (_label, error) => {
    const clock = clockAt();
    const s = source(clock);
    const provider = cacheCredentials(s.fn, { now: clock.now, random: () => 0.999, backgroundRefresh: false });
    const first = await provider();
    s.error = error;
    clock.advance(2 * HOUR); // expired
    expect(await provider()).toBe(first);
    expect(s.calls).toBe(2);
    // backoff = 300 + 0.999 * 300 = 599.7 s
    for (let i = 0; i < 599; i++) {
      expect(await provider()).toBe(first);
      clock.advance(SEC);
    }
    expect(s.calls).toBe(2);
    s.error = undefined;
    clock.advance(SEC);
    const group = callers(30, () => provider());
    const results = await group.done();
    expect(s.calls).toBe(3);
    expect(results.every((c) => (c as AwsCredentialIdentity).accessKeyId === 'ASIAAUDIT0000003')).toBe(true);
  });

  it('random 0 gives the shortest backoff, 300 s', async () => {
    const clock = clockAt();
    const s = source(clock);
    const provider = cacheCredentials(s.fn, { now: clock.now, random: () => 0, backgroundRefresh: false });
    await provider();
    s.error = named('Throttling');
    clock.advance(2 * HOUR);
    await provider();
    clock.advance(300 * SEC - 1);
    await provider();
    expect(s.calls).toBe(2);
    clock.advance(1);
    await provider();
    expect(s.calls).toBe(3);
  });

  it('refreshBackoffSeconds fixes the backoff', async () => {
    const clock = clockAt();
    const s = source(clock);
    const provider = cacheCredentials(s.fn, { now: clock.now, random: () => 0.999, backgroundRefresh: false, refreshBackoffSeconds: 7 });
    await provider();
    s.error = named('Throttling');
    clock.advance(2 * HOUR);
    await provider();
    clock.advance(7 * SEC - 1);
    await provider();
    expect(s.calls).toBe(2);
    clock.advance(1);
    await provider();
    expect(s.calls).toBe(3);
  });

  it('with nothing cached, already-expired credentials raise the committed ExpiredCredentialsError (as the cause)', async () => {
    const clock = clockAt();
    const s = source(clock, -SEC);
    const error = await cacheCredentials(s.fn, { now: clock.now, backgroundRefresh: false })().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CredentialsUnavailableError);
    expect((error as Error).cause).toBeInstanceOf(ExpiredCredentialsError);
  });

  it('credentials that arrive already expired count as a failure: the cached ones are served and the source backs off', async () => {
    const clock = clockAt();
    const s = source(clock);
    const provider = cacheCredentials(s.fn, { now: clock.now, random: () => 0, backgroundRefresh: false });
    const first = await provider();
    s.lifetime = -SEC;
    clock.advance(2 * HOUR);
    expect(await provider()).toBe(first);
    for (let i = 0; i < 50; i++) await provider();
    expect(s.calls).toBe(2);
    expect(provider.stats().backoffUntil).toBe(clock.now() + 300 * SEC);
  });

  it('a failure in the advisory window keeps serving the valid credentials; the backoff ends by half the time left, so a retry lands before expiry', async () => {
    const clock = clockAt();
    const s = source(clock);
    const provider = cacheCredentials(s.fn, { now: clock.now, random: () => 0.999, backgroundRefresh: false });
    const first = await provider();
    s.error = named('Throttling');
    clock.advance(50 * MIN); // 10 min left: a 599.7 s backoff would outlive them; half of 10 min it is
    expect(await provider()).toBe(first);
    expect(s.calls).toBe(2);
    expect(provider.stats().backoffUntil).toBe(clock.now() + 5 * MIN);
    clock.advance(5 * MIN - 1);
    expect(await provider()).toBe(first);
    expect(s.calls).toBe(2);
    s.error = undefined;
    clock.advance(1); // 5 min left: the retry, before expiry
    expect((await provider()).accessKeyId).toBe('ASIAAUDIT0000003');
  });

  it('an expiration given as an ISO string is returned as a Date, so the SDK, stats, inspect and the v2 adapter can use it', async () => {
    const clock = clockAt();
    const provider = cacheCredentials(
      async () => ({ accessKeyId: 'ASIASTRING', secretAccessKey: SECRET, expiration: new Date(clock.now() + HOUR).toISOString() as unknown as Date }),
      { now: clock.now, backgroundRefresh: false },
    );
    const credentials = await provider();
    expect(credentials.expiration).toBeInstanceOf(Date);
    expect(credentials.expiration!.getTime()).toBe(clock.now() + HOUR);
    expect(provider.stats().expiration).toBeInstanceOf(Date);
    expect(() => inspect(provider)).not.toThrow();
    const v2 = toV2Credentials(provider);
    await v2.getPromise();
    expect(v2.expireTime).toBeInstanceOf(Date);
    expect(() => v2.needsRefresh()).not.toThrow();
    expect(() => inspect(v2)).not.toThrow();
  });
});

describe('non-recoverable failures', () => {
  const CODES = ['AccessDenied', 'InvalidIdentityToken', 'IDPRejectedClaim', 'MalformedPolicyDocument', 'PackedPolicyTooLarge', 'RegionDisabled'];
  const shapes: [string, (code: string) => unknown][] = [
    ['name', (code) => named(code)],
    ['Code', (code) => Object.assign(new Error('x'), { Code: code })],
    ['code', (code) => Object.assign(new Error('x'), { code })],
    ['cause', (code) => new Error('wrapped', { cause: named(code) })],
  ];
  const matrix = CODES.flatMap((code) => [code, `${code}Exception`]).flatMap((code) => shapes.map(([where, make]) => [code, where, make] as const));

  it.each(matrix)('%s in %s: raised at once (code visible), remembered with no source call, then one new call', async (code, _where, make) => {
    const clock = clockAt();
    let calls = 0;
    const provider = cacheCredentials(
      async () => {
        calls++;
        throw make(code);
      },
      { now: clock.now, random: () => 0, backgroundRefresh: false },
    );
    expect(isNonRecoverableCredentialError(make(code))).toBe(true);
    const error = await provider().catch((e: unknown) => e);
    const visible = JSON.stringify([(error as any)?.name, (error as any)?.Code, (error as any)?.code, (error as any)?.cause?.name]);
    expect(visible).toContain(code);
    for (let i = 0; i < 20; i++) expect(await provider().catch((e: unknown) => e)).toBe(error);
    expect(calls).toBe(1);
    clock.advance(SEC); // random 0: remembered for exactly 1 s; no 5-minute backoff
    await provider().catch(() => undefined);
    expect(calls).toBe(2);
  });

  it('is remembered for at most 5 s (random 0.999), and after it 20 concurrent callers share one new call', async () => {
    const clock = clockAt();
    let calls = 0;
    const provider = cacheCredentials(
      async () => {
        calls++;
        throw named('AccessDenied');
      },
      { now: clock.now, random: () => 0.999, backgroundRefresh: false },
    );
    await provider().catch(() => undefined);
    clock.advance(4.99 * SEC);
    await provider().catch(() => undefined);
    expect(calls).toBe(1);
    clock.advance(10);
    await Promise.all(Array.from({ length: 20 }, () => provider().catch(() => undefined)));
    expect(calls).toBe(2);
  });

  it('with credentials cached (mandatory window): raised at once, not served stale, no backoff', async () => {
    const clock = clockAt();
    const s = source(clock);
    const provider = cacheCredentials(s.fn, { now: clock.now, random: () => 0, backgroundRefresh: false });
    await provider();
    s.error = named('AccessDeniedException');
    clock.advance(59.5 * MIN);
    await expect(provider()).rejects.toMatchObject({ name: 'AccessDeniedException' });
    expect(provider.stats().backoffUntil).toBeUndefined();
    clock.advance(SEC);
    await expect(provider()).rejects.toMatchObject({ name: 'AccessDeniedException' });
    expect(s.calls).toBe(3);
  });
});

describe('nothing cached yet', () => {
  it('every concurrent caller of a failing first fetch gets the clear error naming the source; the next call retries at once', async () => {
    const clock = clockAt();
    const s = source(clock);
    s.error = named('Throttling', 'Rate exceeded');
    const held = gate();
    s.hold = held.promise;
    const provider = cacheCredentials(s.fn, { name: 'fromTemporaryCredentials(auditRole)', now: clock.now, backgroundRefresh: false });
    const group = callers(10, () => provider());
    held.open();
    const errors = await group.done();
    expect(s.calls).toBe(1);
    for (const error of errors) {
      expect(error).toBeInstanceOf(CredentialsUnavailableError);
      expect((error as Error).message).toContain('fromTemporaryCredentials(auditRole)');
      expect((error as Error).message).toContain('Throttling');
      expect((error as CredentialsUnavailableError).code).toBe('Throttling');
    }
    s.hold = undefined;
    s.error = undefined;
    expect((await provider()).accessKeyId).toBe('ASIAAUDIT0000002');
  });

  it('the per-key rate limit caps a tight retry loop (5,000 attempts over 5 s: at most burst 10 + 1 a second)', async () => {
    const clock = clockAt();
    const s = source(clock);
    s.error = Object.assign(new Error('connect ECONNREFUSED 169.254.170.2:80'), { code: 'ECONNREFUSED' });
    const provider = cacheCredentials(s.fn, { name: 'fromContainerMetadata(audit)', now: clock.now, backgroundRefresh: false });
    const kinds = new Set<string>();
    let rateLimited: Error | undefined;
    for (let i = 0; i < 5000; i++) {
      const error = await provider().catch((e: Error) => e);
      kinds.add((error as Error).name);
      if (/rate-limited/.test((error as Error).message)) rateLimited ??= error as Error;
      clock.advance(1);
    }
    expect(rateLimited?.message).toContain('fromContainerMetadata(audit)');
    expect(rateLimited?.message).toContain('ECONNREFUSED');
    expect(s.calls).toBeLessThanOrEqual(10 + 5 + 1);
    expect(s.calls).toBeGreaterThanOrEqual(10);
    expect(kinds).toEqual(new Set(['CredentialsUnavailableError']));
  });
});

describe('invalidate', () => {
  it('the cached key: the next callers all wait for one shared refresh; another key: nothing changes', async () => {
    const clock = clockAt();
    const s = source(clock);
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
    const s = source(clock);
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

describe('sharedCredentials', () => {
  const text = fc.string({ maxLength: 12 });
  const config = fc.record({
    roleArn: text,
    externalId: fc.option(text, { nil: undefined }),
    sessionName: text,
    policy: fc.option(fc.json({ maxDepth: 2 }), { nil: undefined }),
    region: fc.constantFrom('us-east-1', 'eu-west-1', 'ap-southeast-2', 'us-gov-west-1'),
    source: fc.record({ accessKeyId: text, secretAccessKey: text, profile: fc.option(text, { nil: null }) }),
  });
  type Config = typeof config extends fc.Arbitrary<infer T> ? T : never;

  /** The same data with every object's properties in a shuffled order, at every depth. */
  function shuffled(value: unknown, seed: number): unknown {
    if (Array.isArray(value)) return value.map((item, i) => shuffled(item, seed + i));
    if (value === null || typeof value !== 'object') return value;
    const entries = Object.entries(value);
    entries.sort((a, b) => ((a[0].length * 31 + seed) % 7) - ((b[0].length * 31 + seed) % 7) || (seed % 2 ? 1 : -1) * a[0].localeCompare(b[0]));
    return Object.fromEntries(entries.map(([k, v], i) => [k, shuffled(v, seed + i)]));
  }

  it('any permutation of a key, at any depth, is the same key and the same entry; the factory runs once (property)', () => {
    fc.assert(
      fc.property(config, fc.nat(1000), (c, seed) => {
        clearSharedCredentials();
        let factories = 0;
        const factory = () => (factories++, async () => ({ accessKeyId: 'A', secretAccessKey: 'B' }));
        const a = sharedCredentials(c as Record<string, unknown>, factory);
        const b = sharedCredentials(shuffled(c, seed) as Record<string, unknown>, factory);
        expect(stableKey(shuffled(c, seed))).toBe(stableKey(c));
        expect(b).toBe(a);
        expect(factories).toBe(1);
        expect(sharedCredentialsSize()).toBe(1);
      }),
      { numRuns: 150 },
    );
  });

  const fields: (keyof Config)[] = ['roleArn', 'externalId', 'sessionName', 'policy', 'region', 'source'];
  it.each(fields)('a different %s never shares an entry (property)', (field) => {
    fc.assert(
      fc.property(config, config, (a, b) => {
        const other = { ...a, [field]: b[field] };
        fc.pre(JSON.stringify(other[field]) !== JSON.stringify(a[field]) || (other[field] === undefined) !== (a[field] === undefined));
        clearSharedCredentials();
        let factories = 0;
        const factory = () => (factories++, async () => ({ accessKeyId: 'A', secretAccessKey: 'B' }));
        expect(stableKey(other)).not.toBe(stableKey(a));
        expect(sharedCredentials(other as Record<string, unknown>, factory)).not.toBe(sharedCredentials(a as Record<string, unknown>, factory));
        expect(factories).toBe(2);
      }),
      { numRuns: 100 },
    );
  });

  class RoleConfig {
    constructor(readonly roleArn: string) {}
  }
  const cyclicArray: unknown[] = [1];
  cyclicArray.push(cyclicArray);
  const cyclicDeep: Record<string, unknown> = { a: { b: {} } };
  ((cyclicDeep.a as Record<string, unknown>).b as Record<string, unknown>).back = cyclicDeep;
  it.each([
    ['a function', { provider: async () => ({}) }],
    ['a nested function', { a: [{ f: () => 1 }] }],
    ['a symbol value', { s: Symbol('role') }],
    ['a symbol key', { [Symbol('role')]: 'x' }],
    ['a class instance', { role: new RoleConfig('arn') }],
    ['a Map', { m: new Map([['a', 1]]) }],
    ['a boxed string', { s: new String('x') }],
    ['a cyclic array', { list: cyclicArray }],
    ['a deep cycle', cyclicDeep],
  ])('refuses %s with a TypeError, and runs no factory', (_label, key) => {
    let ran = false;
    expect(() => stableKey(key)).toThrow(TypeError);
    expect(() => sharedCredentials(key as Record<string, unknown>, () => ((ran = true), async () => ({ accessKeyId: 'A', secretAccessKey: 'B' })))).toThrow(TypeError);
    expect(ran).toBe(false);
    expect(sharedCredentialsSize()).toBe(0);
  });

  it('accepts keys typed with an interface (type-checked) and runs a throwing factory again next time', () => {
    interface RoleKey {
      readonly roleArn: string;
      readonly region: string;
    }
    const key: RoleKey = { roleArn: 'arn:aws:iam::1:role/r', region: 'eu-west-1' };
    let attempts = 0;
    const factory = () => {
      attempts++;
      if (attempts === 1) throw new Error('factory failed');
      return async () => ({ accessKeyId: 'A', secretAccessKey: 'B' });
    };
    expect(() => sharedCredentials(key, factory)).toThrow('factory failed');
    expect(sharedCredentialsSize()).toBe(0);
    const provider = sharedCredentials(key, factory);
    expect(sharedCredentials({ region: 'eu-west-1', roleArn: 'arn:aws:iam::1:role/r' }, factory)).toBe(provider);
    expect(attempts).toBe(2);
  });

  it('a refused key does not echo its values (a key may hold source credentials)', () => {
    const error = (() => {
      try {
        sharedCredentials({ source: { accessKeyId: 'AKIA', secretAccessKey: SECRET, sessionToken: TOKEN }, provider: () => undefined } as never, () => async () => ({ accessKeyId: 'A', secretAccessKey: 'B' }));
      } catch (e) {
        return e as Error;
      }
      return undefined;
    })();
    expect(error).toBeInstanceOf(TypeError);
    expect(error!.message).toContain('key.provider');
    expect(leaks(`${error!.message} ${error!.stack} ${inspect(error)}`)).toBe(false);
  });

  it('the same data shared by two places in a key is not a cycle', () => {
    const region = { name: 'eu-west-1' };
    expect(() => stableKey({ a: region, b: region, list: [region, region] })).not.toThrow();
  });

  it('is bounded (maxEntries): the least recently used goes first, and an entry in use is never the one evicted', async () => {
    configureSharedCredentials({ maxEntries: 3 });
    const clock = clockAt();
    const options = { now: clock.now, backgroundRefresh: false };
    const make = (key: string) => sharedCredentials(key, () => source(clock).fn, options);
    const hoisted = make('hoisted'); // looked up once, then called on every request
    make('b');
    clock.advance(SEC);
    make('c');
    clock.advance(SEC);
    await hoisted();
    clock.advance(SEC);
    make('d'); // evicts b (least recently used), not the hoisted provider
    expect(sharedCredentialsSize()).toBe(3);
    expect(make('hoisted')).toBe(hoisted);
    let recreated = false;
    sharedCredentials('b', () => ((recreated = true), source(clock).fn), options);
    expect(recreated).toBe(true);
    expect(sharedCredentialsSize()).toBe(3);
  });

  it('evicts idle entries as time passes, and tells the hook', () => {
    configureSharedCredentials({ idleEvictionSeconds: 600 });
    const clock = clockAt();
    const events: CredentialEvent[] = [];
    const options = { now: clock.now, backgroundRefresh: false, onEvent: (e: CredentialEvent) => void events.push(e) };
    const idle = sharedCredentials({ tenant: 'idle' }, () => source(clock).fn, options);
    clock.advance(11 * MIN);
    sharedCredentials({ tenant: 'busy' }, () => source(clock).fn, options);
    expect(sharedCredentialsSize()).toBe(1);
    expect(events.map((e) => e.type)).toContain('evicted');
    let recreated = false;
    expect(sharedCredentials({ tenant: 'idle' }, () => ((recreated = true), source(clock).fn), options)).not.toBe(idle);
    expect(recreated).toBe(true);
  });

  it('a lookup of an idle key is a use: the sweep it triggers does not evict the entry it returns (no second factory run)', () => {
    configureSharedCredentials({ idleEvictionSeconds: 600 });
    const clock = clockAt();
    let factories = 0;
    const options = { now: clock.now, backgroundRefresh: false };
    const first = sharedCredentials('tenant-a', () => (factories++, source(clock).fn), options);
    clock.advance(2 * HOUR);
    const again = sharedCredentials('tenant-a', () => (factories++, source(clock).fn), options);
    const third = sharedCredentials('tenant-a', () => (factories++, source(clock).fn), options);
    expect(again).toBe(third);
    expect(sharedCredentialsSize()).toBe(1);
    // Either kept (same provider, one factory run) or replaced once; never two live entries for one key.
    expect(factories).toBeLessThanOrEqual(2);
    expect(again === first ? factories === 1 : factories === 2).toBe(true);
  });

  it('isolation: a denied key and a slow, throttled key never delay or break another key', async () => {
    const clock = clockAt();
    const options = { now: clock.now, random: () => 0, backgroundRefresh: false };
    const slow = source(clock);
    const slowGate = gate();
    slow.hold = slowGate.promise;
    slow.error = named('Throttling');
    const denied = source(clock);
    denied.error = named('AccessDenied');
    const good = source(clock);
    const pSlow = sharedCredentials({ account: '111111111111' }, () => slow.fn, options);
    const pDenied = sharedCredentials({ account: '222222222222' }, () => denied.fn, options);
    const pGood = sharedCredentials({ account: '333333333333' }, () => good.fn, options);

    const stuck = callers(20, () => pSlow());
    const refused = callers(20, () => pDenied());
    const served = callers(50, () => pGood());
    await flush();
    expect(served.count()).toBe(50);
    expect(served.settled.every((c) => (c as AwsCredentialIdentity).accessKeyId === 'ASIAAUDIT0000001')).toBe(true);
    expect(refused.count()).toBe(20);
    expect(refused.settled.every((e) => (e as Error).name === 'AccessDenied')).toBe(true);
    expect(stuck.count()).toBe(0);
    expect([slow.calls, denied.calls, good.calls]).toEqual([1, 1, 1]);
    slowGate.open();
    const slowResults = await stuck.done();
    expect(slowResults.every((e) => e instanceof CredentialsUnavailableError)).toBe(true);
    // Still isolated afterwards: the good key's hot path is untouched.
    expect(pGood()).toBe(pGood());
    expect(good.calls).toBe(1);
  });
});

describe('secrets never appear', () => {
  const everywhere = (value: unknown): string =>
    [
      String(value),
      value instanceof Error ? `${value.message}\n${value.stack}` : '',
      inspect(value, { depth: Infinity, showHidden: true }),
      inspect(value, { depth: Infinity, showHidden: true, customInspect: false, getters: true }),
      (() => {
        try {
          return JSON.stringify(value) ?? '';
        } catch {
          return '';
        }
      })(),
    ].join('\n');

  it('in errors the runtime creates: no cache (failed, rate-limited, expired, invalid results)', async () => {
    const clock = clockAt();
    const errors: unknown[] = [];
    const failing = source(clock);
    failing.error = named('Throttling');
    const rateLimited = cacheCredentials(failing.fn, { now: clock.now, backgroundRefresh: false, maxSourceCallsPerMinute: 1 });
    errors.push(await rateLimited().catch((e: unknown) => e));
    errors.push(await rateLimited().catch((e: unknown) => e));
    const expired = source(clock, -SEC);
    errors.push(await cacheCredentials(expired.fn, { now: clock.now, backgroundRefresh: false })().catch((e: unknown) => e));
    const invalid = cacheCredentials(async () => ({ accessKeyId: 42, secretAccessKey: SECRET, sessionToken: TOKEN }) as never, { now: clock.now, backgroundRefresh: false });
    errors.push(await invalid().catch((e: unknown) => e));
    const badDate = cacheCredentials(async () => ({ accessKeyId: 'A', secretAccessKey: SECRET, sessionToken: TOKEN, expiration: new Date(NaN) }), { now: clock.now, backgroundRefresh: false });
    errors.push(await badDate().catch((e: unknown) => e));
    expect(errors.every((e) => e instanceof Error)).toBe(true);
    expect(new Set(errors.map((e) => (e as Error).name)).size).toBeGreaterThanOrEqual(1);
    for (const error of errors) expect(leaks(everywhere(error))).toBe(false);
  });

  it('in events, inspect(provider), stats() and JSON, across a full life: fetch, refresh, failure, backoff, stale, invalidate, rate limit, eviction', async () => {
    const clock = clockAt();
    const events: CredentialEvent[] = [];
    const s = source(clock);
    const provider = sharedCredentials({ roleArn: 'arn:aws:iam::1:role/r', source: { secretAccessKey: SECRET } }, () => s.fn, {
      now: clock.now,
      random: () => 0,
      backgroundRefresh: false,
      onEvent: (e) => void events.push(e),
    });
    const first = await provider();
    clock.advance(50 * MIN);
    await provider(); // background refresh
    await flush();
    s.error = named('Throttling');
    clock.advance(2 * HOUR);
    await provider(); // failure, backoff, stale
    await provider();
    s.error = undefined;
    clock.advance(301 * SEC);
    await provider();
    provider.invalidate((await provider()).accessKeyId);
    await provider();
    configureSharedCredentials({ maxEntries: 1 });
    sharedCredentials('another', () => source(clock).fn); // evicts ours
    expect(first.secretAccessKey).toBe(SECRET); // the credentials themselves are for the caller
    expect(new Set(events.map((e) => e.type))).toEqual(new Set(['refresh', 'refresh-failed', 'backoff', 'stale-served', 'invalidated', 'evicted']));
    expect(leaks(JSON.stringify(events))).toBe(false);
    expect(leaks(inspect(events, { depth: Infinity }))).toBe(false);
    for (const e of events) expect(e.key).toMatch(/^[0-9a-f]{8}$/);
    expect(leaks(everywhere(provider))).toBe(false);
    expect(leaks(JSON.stringify(provider.stats()))).toBe(false);
    expect(leaks(inspect(provider.stats()))).toBe(false);
  });

  it('in the v2 adapter after a get: inspect, JSON, spread, keys', async () => {
    const clock = clockAt();
    const v2 = toV2Credentials(cacheCredentials(source(clock).fn, { now: clock.now, backgroundRefresh: false }));
    await v2.getPromise();
    expect(v2.secretAccessKey).toBe(SECRET);
    expect(v2.sessionToken).toBe(TOKEN);
    expect(leaks(inspect(v2, { depth: Infinity, showHidden: true }))).toBe(false);
    expect(leaks(JSON.stringify(v2))).toBe(false);
    expect(leaks(JSON.stringify({ ...v2 }))).toBe(false);
    expect(leaks(Object.keys(v2).join())).toBe(false);
  });
});

describe('toV2Credentials', () => {
  it('get(cb) loads through the cache: 50 gets, one source call; properties readable after; needsRefresh and expireTime behave', async () => {
    const clock = clockAt(Date.now());
    const s = source(clock);
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
    const s = source(clock);
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
    const s = source(clock);
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
    const s = source(clock);
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
