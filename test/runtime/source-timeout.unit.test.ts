// A source call that never settles: bounded by sourceTimeoutSeconds (default 30 s), a recoverable
// failure. Real or fake timers drive the bound; the cache's own clock is injected.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cacheCredentials, CredentialsUnavailableError, type AwsCredentialIdentity } from '../../src/runtime/index.js';
import { HOUR, MIN, SEC, countingSource, manualClock, recorder } from './support.js';

afterEach(() => void vi.useRealTimers());

/** Issues credentials until `hang()`, then never settles. */
function hangingSource(clock: { now: () => number }) {
  const good = countingSource(clock, HOUR);
  const state = {
    calls: 0,
    hanging: false,
    fn: (): Promise<AwsCredentialIdentity> => {
      state.calls++;
      return state.hanging ? new Promise<AwsCredentialIdentity>(() => undefined) : good.fn();
    },
  };
  return state;
}

describe('a source call that never settles', () => {
  it('with valid credentials cached: callers get them when the bound ends, the source backs off, refreshes resume after it', async () => {
    const clock = manualClock();
    const source = hangingSource(clock);
    const events = recorder();
    const provider = cacheCredentials(source.fn, { now: clock.now, backgroundRefresh: false, sourceTimeoutSeconds: 0.02, refreshBackoffSeconds: 60, onEvent: events.onEvent });
    const first = await provider();
    source.hanging = true;
    clock.advance(59 * MIN + 30 * SEC); // mandatory: callers wait for the refresh
    const waiting = await Promise.all([provider(), provider(), provider()]);
    expect(waiting.every((c) => c === first)).toBe(true);
    expect(source.calls).toBe(2);
    expect(events.events.find((e) => e.type === 'refresh-failed')?.error?.name).toBe('SourceTimeoutError');
    expect(events.types()).toContain('backoff');
    expect(await provider()).toBe(first); // backed off: served without a source call
    expect(source.calls).toBe(2);
    source.hanging = false;
    clock.advance(60 * SEC);
    expect((await provider()).accessKeyId).toBe('ASIATEST00000002');
  });

  it('with nothing cached: a clear error naming the source and the bound; the next call tries again', async () => {
    const clock = manualClock();
    const source = hangingSource(clock);
    source.hanging = true;
    const provider = cacheCredentials(source.fn, { name: 'fromProcess(slow)', now: clock.now, backgroundRefresh: false, sourceTimeoutSeconds: 0.02 });
    const error = await provider().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CredentialsUnavailableError);
    expect((error as Error).message).toContain('fromProcess(slow)');
    expect((error as Error).message).toContain('did not answer');
    expect((error as Error).message).toContain('0.02 s');
    source.hanging = false;
    expect((await provider()).accessKeyId).toBe('ASIATEST00000001');
  });

  it('the default bound is 30 s', async () => {
    vi.useFakeTimers();
    const clock = manualClock();
    const source = hangingSource(clock);
    source.hanging = true;
    const provider = cacheCredentials(source.fn, { now: clock.now, backgroundRefresh: false });
    let outcome: unknown;
    const pending = provider().catch((e: unknown) => (outcome = e));
    await vi.advanceTimersByTimeAsync(30 * SEC - 1);
    expect(outcome).toBeUndefined();
    await vi.advanceTimersByTimeAsync(1);
    await pending;
    expect(outcome).toBeInstanceOf(CredentialsUnavailableError);
  });

  it('a late answer after the bound is dropped, not cached', async () => {
    vi.useFakeTimers();
    const clock = manualClock();
    let release: ((c: AwsCredentialIdentity) => void) | undefined;
    let calls = 0;
    const provider = cacheCredentials(
      () => {
        calls++;
        return new Promise<AwsCredentialIdentity>((resolve) => (release = resolve));
      },
      { now: clock.now, backgroundRefresh: false, sourceTimeoutSeconds: 1 },
    );
    const first = provider().catch((e: unknown) => e);
    await vi.advanceTimersByTimeAsync(SEC);
    expect(await first).toBeInstanceOf(CredentialsUnavailableError);
    release!({ accessKeyId: 'ASIALATE', secretAccessKey: 's' });
    await vi.advanceTimersByTimeAsync(0);
    expect(provider.stats().state).toBe('empty');
    expect(calls).toBe(1);
  });

  it('refuses a bound of 0, a negative one or NaN', () => {
    for (const sourceTimeoutSeconds of [0, -1, Number.NaN]) {
      expect(() => cacheCredentials(async () => ({ accessKeyId: 'a', secretAccessKey: 's' }), { sourceTimeoutSeconds })).toThrow(RangeError);
    }
  });
});
