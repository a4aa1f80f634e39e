// The v2 adapter's errors: a fresh Error per callback whose cause is the source's own error.
import { describe, expect, it } from 'vitest';
import { cacheCredentials, toV2Credentials } from '../../src/runtime/index.js';
import { awsError, manualClock } from './support.js';

describe('v2 adapter errors', () => {
  it('carry the source error as cause, its name as name and code, and are new objects each time', async () => {
    const clock = manualClock();
    const cause = awsError('AccessDenied', 'User is not authorized to perform: sts:AssumeRole');
    const provider = cacheCredentials(async () => Promise.reject(cause), { now: clock.now, backgroundRefresh: false });
    const v2 = toV2Credentials(provider, { now: clock.now });
    const first = (await v2.getPromise().catch((error: unknown) => error)) as Error & { code?: string };
    const second = (await v2.refreshPromise().catch((error: unknown) => error)) as Error & { code?: string };
    expect(first).toMatchObject({ name: 'AccessDenied', code: 'AccessDenied', message: 'User is not authorized to perform: sts:AssumeRole' });
    expect(first.cause).toBe(cause);
    expect(second).not.toBe(first);
    expect(second.cause).toBe(cause);
  });

  it('a provider that throws synchronously answers through the callback, with the thrown error as cause', () => {
    const thrown = awsError('Throttling', 'Rate exceeded');
    const v2 = toV2Credentials(() => {
      throw thrown;
    });
    let received: (Error & { code?: string }) | null | undefined;
    v2.get((error) => void (received = error));
    expect(received).toMatchObject({ name: 'Throttling', code: 'Throttling' });
    expect(received?.cause).toBe(thrown);
  });
});

describe('v2 ExpiredToken attribution at its boundaries', () => {
  const T0 = Date.UTC(2026, 10, 23);
  /** A provider handing out the given credentials in turn, recording what it is asked to invalidate. */
  function scriptedProvider(credentials: { accessKeyId: string; expiration?: Date }[]) {
    let next = 0;
    const invalidated: string[] = [];
    const provider = Object.assign(async () => ({ secretAccessKey: 'x', ...credentials[Math.min(next++, credentials.length - 1)]! }), {
      invalidate: (accessKeyId: string) => void invalidated.push(accessKeyId),
    });
    return { provider, invalidated };
  }

  async function switched(clock: { now: () => number; advance(ms: number): void }, first: Date | undefined, second: Date | undefined) {
    const { provider, invalidated } = scriptedProvider([
      { accessKeyId: 'KEY1', ...(first && { expiration: first }) },
      { accessKeyId: 'KEY2', ...(second && { expiration: second }) },
    ]);
    const v2 = toV2Credentials(provider, { now: clock.now });
    await v2.getPromise();
    return { v2, invalidated };
  }

  it('the previous key is blamed when it expired exactly now', async () => {
    const clock = manualClock(T0);
    const { v2, invalidated } = await switched(clock, new Date(T0 + 10 * 60_000), new Date(T0 + 60 * 60_000));
    clock.advance(9 * 60_000);
    await v2.getPromise(); // switched to KEY2 at 9 min
    clock.advance(60_000); // KEY1 expires exactly now
    v2.expired = true;
    expect(invalidated).toEqual(['KEY1']);
  });

  it('the current key is blamed when the previous one has not expired (it was rejected early)', async () => {
    const clock = manualClock(T0);
    const { v2, invalidated } = await switched(clock, new Date(T0 + 10 * 60_000), new Date(T0 + 60 * 60_000));
    await v2.getPromise(); // switched to KEY2 at once
    clock.advance(60_000);
    v2.expired = true;
    expect(invalidated).toEqual(['KEY2']);
  });

  it('the current key is blamed when it has expired too (exactly now)', async () => {
    const clock = manualClock(T0);
    const { v2, invalidated } = await switched(clock, new Date(T0 + 60_000), new Date(T0 + 3 * 60_000));
    clock.advance(2 * 60_000);
    await v2.getPromise(); // KEY1 expired; switched to KEY2, which expires at 3 min
    clock.advance(60_000);
    v2.expired = true;
    expect(invalidated).toEqual(['KEY2']);
  });

  it('the in-flight grace ends 300 s after the switch', async () => {
    for (const [after, blamed] of [
      [299_999, 'KEY1'],
      [300_000, 'KEY2'],
    ] as const) {
      const clock = manualClock(T0);
      const { v2, invalidated } = await switched(clock, new Date(T0 + 60_000), new Date(T0 + 60 * 60_000));
      clock.advance(2 * 60_000);
      await v2.getPromise();
      clock.advance(after);
      v2.expired = true;
      expect(invalidated).toEqual([blamed]);
    }
  });

  it('further gets of the same key keep the previous key remembered', async () => {
    const clock = manualClock(T0);
    const { v2, invalidated } = await switched(clock, new Date(T0 + 60_000), new Date(T0 + 60 * 60_000));
    clock.advance(2 * 60_000);
    await v2.getPromise(); // KEY1 expired: switched to KEY2
    await v2.getPromise(); // KEY2 again: no switch
    await v2.getPromise();
    v2.expired = true; // a late ExpiredToken for a request signed with KEY1
    expect(invalidated).toEqual(['KEY1']);
  });

  it('keys without an expiration: the current one is blamed', async () => {
    const clock = manualClock(T0);
    const { v2, invalidated } = await switched(clock, undefined, undefined);
    await v2.getPromise();
    v2.expired = true;
    expect(invalidated).toEqual(['KEY2']);
  });

  it('marking expired again before a new get, or marking not expired, invalidates nothing more', async () => {
    const clock = manualClock(T0);
    const { v2, invalidated } = await switched(clock, undefined, undefined);
    v2.expired = false;
    v2.expired = true;
    v2.expired = true;
    expect(invalidated).toEqual(['KEY1']);
    expect(v2.expired).toBe(true);
    expect(v2.needsRefresh()).toBe(true);
  });
});

describe('v2 needsRefresh and get without a callback', () => {
  const T0 = Date.UTC(2026, 10, 23);

  it('true before any load, even when v2 marks it not expired', () => {
    const v2 = toV2Credentials(async () => ({ accessKeyId: 'AKIANONE', secretAccessKey: 'x' }));
    expect(v2.needsRefresh()).toBe(true);
    v2.expired = false;
    expect(v2.needsRefresh()).toBe(true);
  });

  it('credentials without an expiration never need a refresh until v2 marks them expired', async () => {
    const v2 = toV2Credentials(cacheCredentials(async () => ({ accessKeyId: 'AKIASTATIC', secretAccessKey: 'x' })));
    await v2.getPromise();
    expect(v2.expireTime).toBeNull();
    expect(v2.needsRefresh()).toBe(false);
    v2.expired = true;
    expect(v2.needsRefresh()).toBe(true);
  });

  it('turns true strictly inside the expiry window (15 s before expireTime)', async () => {
    const clock = manualClock(T0);
    const v2 = toV2Credentials(async () => ({ accessKeyId: 'ASIAWINDOW', secretAccessKey: 'x', expiration: new Date(T0 + 60_000) }), { now: clock.now });
    await v2.getPromise();
    clock.advance(45_000); // exactly 15 s left
    expect(v2.needsRefresh()).toBe(false);
    clock.advance(1);
    expect(v2.needsRefresh()).toBe(true);
  });

  it('get() without a callback over a provider that rejects leaves no unhandled rejection', async () => {
    const unhandled: unknown[] = [];
    const listener = (reason: unknown) => void unhandled.push(reason);
    process.on('unhandledRejection', listener);
    try {
      const v2 = toV2Credentials(async () => Promise.reject(new Error('no credentials today')));
      v2.get();
      v2.refresh();
      for (let i = 0; i < 3; i++) await new Promise<void>((resolve) => setImmediate(resolve));
      await new Promise((resolve) => setTimeout(resolve, 20)); // let Node report anything unhandled
      expect(unhandled).toEqual([]);
    } finally {
      process.off('unhandledRejection', listener);
    }
  });

  it('get() without a callback over a provider that throws does not throw', () => {
    const v2 = toV2Credentials(() => {
      throw new Error('no provider today');
    });
    expect(() => v2.get()).not.toThrow();
    expect(() => v2.refresh()).not.toThrow();
  });
});
