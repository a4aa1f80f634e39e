// Failures: stale-serving with backoff, non-recoverable errors, no cache yet, rate limit, invalidate.
import { describe, expect, it } from 'vitest';
import { cacheCredentials, CredentialsUnavailableError } from '../../src/runtime/index.js';
import { MIN, SEC, countingSource, failingSource, manualClock } from './support.js';

/** A source that succeeds first, then fails with `name` until `recover()` is called. */
function flakySource(clock: { now: () => number }, name: string) {
  const good = countingSource(clock, 60 * MIN);
  let failing = false;
  const state = {
    calls: 0,
    fail: () => void (failing = true),
    recover: () => void (failing = false),
    fn: async () => {
      state.calls++;
      if (failing) {
        const error = new Error(`${name}: simulated`);
        error.name = name;
        throw error;
      }
      return good.fn();
    },
  };
  return state;
}

describe('recoverable failures', () => {
  it.each(['Throttling', 'ECONNRESET', 'InternalFailure'])('%s: serves the cached credentials, even expired, and backs off', async (name) => {
    const clock = manualClock();
    const source = flakySource(clock, name);
    const events: string[] = [];
    const provider = cacheCredentials(source.fn, { now: clock.now, random: () => 0, backgroundRefresh: false, onEvent: (e) => events.push(e.type) });
    const first = await provider();
    source.fail();
    clock.advance(61 * MIN); // expired
    expect((await provider()).accessKeyId).toBe(first.accessKeyId);
    expect(source.calls).toBe(2);
    for (let i = 0; i < 50; i++) expect((await provider()).accessKeyId).toBe(first.accessKeyId);
    clock.advance(299 * SEC);
    await provider();
    expect(source.calls).toBe(2); // backoff: random 0 -> 300 s
    source.recover();
    clock.advance(2 * SEC);
    expect((await provider()).accessKeyId).not.toBe(first.accessKeyId);
    expect(source.calls).toBe(3);
    expect(events).toEqual(expect.arrayContaining(['refresh', 'refresh-failed', 'backoff', 'stale-served']));
  });

  it('honours refreshBackoffSeconds', async () => {
    const clock = manualClock();
    const source = flakySource(clock, 'Throttling');
    const provider = cacheCredentials(source.fn, { now: clock.now, backgroundRefresh: false, refreshBackoffSeconds: 10 });
    await provider();
    source.fail();
    clock.advance(61 * MIN);
    await provider();
    clock.advance(9 * SEC);
    await provider();
    expect(source.calls).toBe(2);
    clock.advance(2 * SEC);
    await provider();
    expect(source.calls).toBe(3);
  });

  it('treats already-expired credentials from the source as a failure', async () => {
    const clock = manualClock();
    let calls = 0;
    const provider = cacheCredentials(
      async () => ({ accessKeyId: `AK${++calls}`, secretAccessKey: 's', expiration: new Date(clock.now() + (calls === 1 ? 60 * MIN : -1)) }),
      { now: clock.now, random: () => 0, backgroundRefresh: false },
    );
    await provider();
    clock.advance(61 * MIN);
    expect((await provider()).accessKeyId).toBe('AK1');
    expect(provider.stats().backoffUntil).toBeGreaterThan(clock.now());
  });
});

describe('non-recoverable failures', () => {
  it.each(['AccessDenied', 'AccessDeniedException', 'InvalidIdentityToken', 'IDPRejectedClaim', 'MalformedPolicyDocument', 'PackedPolicyTooLarge', 'RegionDisabledException'])(
    '%s: raised at once, remembered 1-5 s, no backoff',
    async (name) => {
      const clock = manualClock();
      const source = failingSource(name);
      const provider = cacheCredentials(source.fn, { now: clock.now, random: () => 0, backgroundRefresh: false });
      await expect(provider()).rejects.toMatchObject({ name });
      for (let i = 0; i < 100; i++) await expect(provider()).rejects.toMatchObject({ name });
      expect(source.calls).toBe(1);
      clock.advance(1001);
      await expect(provider()).rejects.toMatchObject({ name });
      expect(source.calls).toBe(2);
    },
  );

  it('is recognised on the error cause and on Code', async () => {
    const clock = manualClock();
    const provider = cacheCredentials(
      async () => {
        throw Object.assign(new Error('wrapped'), { cause: Object.assign(new Error('x'), { Code: 'AccessDenied' }) });
      },
      { now: clock.now, backgroundRefresh: false },
    );
    const error = await provider().catch((e: unknown) => e);
    expect((error as Error).message).toBe('wrapped');
    await provider().catch(() => undefined);
    expect(provider.stats().sourceCalls).toBe(1);
  });
});

describe('no cache yet', () => {
  it('raises a clear error naming the source; the next call retries at once', async () => {
    const clock = manualClock();
    const source = failingSource('Throttling');
    const provider = cacheCredentials(source.fn, { name: 'fromTemporaryCredentials(reader)', now: clock.now, backgroundRefresh: false });
    const error = await provider().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CredentialsUnavailableError);
    expect((error as Error).message).toContain('fromTemporaryCredentials(reader)');
    expect((error as CredentialsUnavailableError).code).toBe('Throttling');
    await provider().catch(() => undefined);
    expect(source.calls).toBe(2);
  });

  it('caps sustained source calls of a tight retry loop', async () => {
    const clock = manualClock();
    const source = failingSource('Throttling');
    const provider = cacheCredentials(source.fn, { now: clock.now, backgroundRefresh: false, maxSourceCallsPerMinute: 60 });
    for (let i = 0; i < 1000; i++) {
      await provider().catch(() => undefined);
      clock.advance(10); // 1,000 attempts in 10 s
    }
    expect(source.calls).toBeLessThanOrEqual(10 + 10); // burst 10 + 1/s for 10 s
    expect(source.calls).toBeGreaterThanOrEqual(10);
  });
});

describe('invalidate', () => {
  it('takes the mandatory path for the cached key only', async () => {
    const clock = manualClock();
    const source = countingSource(clock, 60 * MIN);
    const provider = cacheCredentials(source.fn, { now: clock.now, backgroundRefresh: false });
    const first = await provider();
    provider.invalidate('ASIA-NOT-OURS');
    await provider();
    expect(source.calls).toBe(1);
    provider.invalidate(first.accessKeyId);
    const [a, b] = await Promise.all([provider(), provider()]);
    expect(a.accessKeyId).not.toBe(first.accessKeyId);
    expect(b.accessKeyId).toBe(a.accessKeyId);
    expect(source.calls).toBe(2);
  });

  it('still honours an active backoff', async () => {
    const clock = manualClock();
    const source = flakySource(clock, 'Throttling');
    const provider = cacheCredentials(source.fn, { now: clock.now, random: () => 0, backgroundRefresh: false });
    const first = await provider();
    source.fail();
    clock.advance(61 * MIN);
    await provider(); // fails: backoff 300 s
    provider.invalidate(first.accessKeyId);
    expect((await provider()).accessKeyId).toBe(first.accessKeyId);
    expect(source.calls).toBe(2);
  });
});
