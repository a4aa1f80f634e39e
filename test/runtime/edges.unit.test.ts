// Edges that mutation testing found unpinned: registry defaults, the rate limit with credentials
// cached, dispose() stopping timers, ExpiredToken, self-referencing causes, key hashes.
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  cacheCredentials,
  clearSharedCredentials,
  configureSharedCredentials,
  isNonRecoverableCredentialError,
  sharedCredentials,
  sharedCredentialsSize,
} from '../../src/runtime/index.js';
import { keyHash, stableKey } from '../../src/runtime/stable-key.js';
import { HOUR, MIN, SEC, awsError, countingSource, flakySource, manualClock, recorder } from './support.js';

afterEach(() => {
  clearSharedCredentials();
  configureSharedCredentials({ maxEntries: 1_000, idleEvictionSeconds: 3_600 });
  vi.useRealTimers();
});

describe('registry defaults', () => {
  it('holds 1,000 entries by default; the 1,001st evicts one', () => {
    const factory = () => async () => ({ accessKeyId: 'a', secretAccessKey: 's' });
    for (let i = 0; i < 1_001; i++) sharedCredentials(`key-${i}`, factory, { backgroundRefresh: false });
    expect(sharedCredentialsSize()).toBe(1_000);
  });

  it('evicts entries idle for an hour by default, not before', () => {
    const clock = manualClock();
    const options = { now: clock.now, backgroundRefresh: false };
    const idle = sharedCredentials('idle', () => countingSource(clock, HOUR).fn, options);
    clock.advance(HOUR - SEC);
    sharedCredentials('other', () => countingSource(clock, HOUR).fn, options); // a sweep: not idle long enough
    expect(sharedCredentials('idle', () => countingSource(clock, HOUR).fn, options)).toBe(idle);
    clock.advance(HOUR + MIN);
    sharedCredentials('third', () => countingSource(clock, HOUR).fn, options);
    expect(sharedCredentials('idle', () => countingSource(clock, HOUR).fn, options)).not.toBe(idle);
  });
});

describe('rate limit with credentials cached', () => {
  it('a mandatory-window loop past the burst is served the cached credentials and told rate-limited', async () => {
    const clock = manualClock();
    const source = flakySource(clock);
    const events = recorder();
    const provider = cacheCredentials(source.fn, { now: clock.now, backgroundRefresh: false, refreshBackoffSeconds: 0, onEvent: events.onEvent });
    const first = await provider();
    source.fail('Throttling');
    clock.advance(59 * MIN + 30 * SEC);
    for (let i = 0; i < 30; i++) expect(await provider()).toBe(first);
    expect(source.calls).toBe(1 + 10); // the first fetch, then a full burst (refilled during the hour)
    expect(events.types()).toContain('rate-limited');
  });
});

describe('dispose()', () => {
  it('stops the refresh timer', async () => {
    vi.useFakeTimers();
    const clock = { now: () => Date.now() };
    const provider = cacheCredentials(countingSource(clock, HOUR).fn);
    await provider();
    expect(vi.getTimerCount()).toBe(1);
    provider.dispose();
    expect(vi.getTimerCount()).toBe(0);
  });
});

describe('error classification', () => {
  it('ExpiredToken (and its Exception form) is non-recoverable; Throttling is not', () => {
    expect(isNonRecoverableCredentialError(awsError('ExpiredToken'))).toBe(true);
    expect(isNonRecoverableCredentialError(awsError('ExpiredTokenException'))).toBe(true);
    expect(isNonRecoverableCredentialError(awsError('Throttling'))).toBe(false);
  });

  it('a self-referencing cause does not loop, and its code is still found', () => {
    const error = awsError('AccessDenied') as Error & { cause?: unknown };
    error.cause = error;
    expect(isNonRecoverableCredentialError(error)).toBe(true);
    const wrapper = new Error('outer', { cause: error });
    expect(isNonRecoverableCredentialError(wrapper)).toBe(true);
  });
});

describe('key hashes', () => {
  it('differ for different keys (events tell entries apart)', () => {
    const hashes = new Set(Array.from({ length: 200 }, (_, i) => keyHash(stableKey({ roleArn: `arn:aws:iam::${i}:role/r` }))));
    expect(hashes.size).toBe(200);
    expect(keyHash(stableKey('a'))).toMatch(/^[0-9a-f]{8}$/);
  });
});
