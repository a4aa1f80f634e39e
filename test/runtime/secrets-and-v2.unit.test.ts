// No secret in errors, events, inspect or JSON; the v2 adapter; the SDK contract (memoized).
import { inspect } from 'node:util';
import { describe, expect, it, vi } from 'vitest';
import { cacheCredentials, CredentialsUnavailableError, toV2Credentials, type CredentialEvent } from '../../src/runtime/index.js';
import { MIN, SECRET, TOKEN, countingSource, manualClock } from './support.js';

const leaks = (text: string): boolean => text.includes(SECRET) || text.includes(TOKEN);

describe('secrets', () => {
  it('never appear in events, inspect, stats or errors the runtime creates', async () => {
    const clock = manualClock();
    const events: CredentialEvent[] = [];
    const source = countingSource(clock, 60 * MIN);
    let fail = false;
    const provider = cacheCredentials(async () => {
      if (fail) throw Object.assign(new Error('Rate exceeded'), { name: 'Throttling' });
      return source.fn();
    }, { now: clock.now, backgroundRefresh: false, onEvent: (e) => events.push(e) });
    await provider();
    fail = true;
    clock.advance(61 * MIN);
    await provider();
    expect(leaks(JSON.stringify(events))).toBe(false);
    expect(leaks(inspect(provider, { depth: 10, showHidden: true }))).toBe(false);
    expect(leaks(JSON.stringify(provider.stats()))).toBe(false);
    expect(leaks(JSON.stringify(provider))).toBe(false);
    const error = new CredentialsUnavailableError('src', Object.assign(new Error('boom'), { name: 'Throttling' }));
    expect(leaks(`${error.message} ${error.stack} ${inspect(error)}`)).toBe(false);
  });

  it('an event hook that throws does not break resolution', async () => {
    const clock = manualClock();
    const provider = cacheCredentials(countingSource(clock, 60 * MIN).fn, { now: clock.now, backgroundRefresh: false, onEvent: () => { throw new Error('hook'); } });
    await expect(provider()).resolves.toMatchObject({ secretAccessKey: SECRET });
  });
});

describe('SDK contract', () => {
  it('is marked memoized, and the mark is writable (@aws-sdk/core assigns it)', () => {
    const provider = cacheCredentials(async () => ({ accessKeyId: 'a', secretAccessKey: 'b' }));
    expect(provider.memoized).toBe(true);
    expect(() => {
      'use strict';
      (provider as { memoized: boolean }).memoized = true;
    }).not.toThrow();
  });
});

describe('toV2Credentials', () => {
  it('loads through the cache, exposes the keys after get, and hides them from inspect and JSON', async () => {
    const clock = manualClock();
    const source = countingSource(clock, 60 * MIN);
    const cached = cacheCredentials(source.fn, { now: clock.now, backgroundRefresh: false });
    const v2 = toV2Credentials(cached);
    expect(v2.needsRefresh()).toBe(true);
    for (let i = 0; i < 10; i++) await new Promise<void>((resolve, reject) => v2.get((error) => (error ? reject(error) : resolve())));
    await v2.getPromise();
    await v2.refreshPromise();
    expect(source.calls).toBe(1);
    expect(v2.accessKeyId).toMatch(/^ASIATEST/);
    expect(v2.secretAccessKey).toBe(SECRET);
    expect(v2.sessionToken).toBe(TOKEN);
    expect(v2.expired).toBe(false);
    expect(v2.expireTime).toBeInstanceOf(Date);
    expect(leaks(inspect(v2, { showHidden: true, depth: 5 }))).toBe(false);
    expect(leaks(JSON.stringify(v2))).toBe(false);
  });

  it('passes errors to the callback', async () => {
    const v2 = toV2Credentials(async () => { throw Object.assign(new Error('denied'), { name: 'AccessDenied' }); });
    const error = await new Promise((resolve) => v2.get(resolve));
    expect(error).toMatchObject({ name: 'AccessDenied' });
  });
});

describe('background refresh', () => {
  it('refreshes ahead of the advisory window with an unref()ed timer, and dispose() clears it', async () => {
    vi.useFakeTimers();
    try {
      const clock = { now: () => Date.now() };
      const source = countingSource(clock, 60 * MIN);
      const provider = cacheCredentials(source.fn, { random: () => 0.5 });
      const first = await provider();
      await vi.advanceTimersByTimeAsync(42 * MIN); // proactive point: 45 min - 0.5 * 7.5 min = 41.25 min
      expect(source.calls).toBe(2);
      expect((await provider()).accessKeyId).not.toBe(first.accessKeyId);
      provider.dispose();
      await vi.advanceTimersByTimeAsync(60 * MIN);
      expect(source.calls).toBe(2);
    } finally {
      vi.useRealTimers();
    }
  });

  it('does not keep the process alive', async () => {
    const { execFileSync } = await import('node:child_process');
    const started = Date.now();
    const script = `import('${new URL('../../dist/esm/src/runtime/index.js', import.meta.url).href}').then(async ({ cacheCredentials }) => {
      const p = cacheCredentials(async () => ({ accessKeyId: 'a', secretAccessKey: 'b', expiration: new Date(Date.now() + 3600e3) }));
      await p();
    });`;
    execFileSync(process.execPath, ['-e', script], { timeout: 10_000 });
    expect(Date.now() - started).toBeLessThan(10_000);
  });
});
