// No secret key or session token in anything the runtime prints, serialises, emits or raises.
import { inspect } from 'node:util';
import { describe, expect, it, afterEach } from 'vitest';
import { cacheCredentials, CredentialsUnavailableError, sharedCredentials, clearSharedCredentials, stableKey, toV2Credentials, type CredentialEvent, configureSharedCredentials } from '../../src/runtime/index.js';
import { HOUR, MIN, SECRET, TOKEN, awsError, countingSource, leaks, manualClock, SEC } from './support.js';
import { clockAt, flush, gatedSource, named, resetRuntimeState } from './gated-source.js';

afterEach(() => resetRuntimeState());

/** Everything a log line, a debugger or an error report could show of a value. */
function shown(value: unknown): string {
  const parts = [
    inspect(value, { depth: 10, showHidden: true, getters: true }),
    // Without the custom inspector too (getters stay unevaluated: evaluating them is asking for the value).
    inspect(value, { depth: 10, showHidden: true, customInspect: false }),
    inspect(value, { depth: 10 }),
    String(JSON.stringify(value)),
  ];
  if (value instanceof Error) parts.push(value.message, String(value.stack), inspect(value.cause, { depth: 10, showHidden: true }));
  return parts.join('\n');
}

describe('cacheCredentials', () => {
  it('never shows secrets: provider (inspect, JSON), stats, events, errors it creates', async () => {
    const clock = manualClock();
    const events: CredentialEvent[] = [];
    const source = countingSource(clock, HOUR);
    let mode: 'ok' | 'throttle' | 'stale' | 'junk' = 'ok';
    const provider = cacheCredentials(
      async () => {
        if (mode === 'throttle') throw awsError('Throttling', 'Rate exceeded');
        if (mode === 'stale') return { accessKeyId: 'ASIASTALE', secretAccessKey: SECRET, sessionToken: TOKEN, expiration: new Date(clock.now() - 1) };
        if (mode === 'junk') return { secretAccessKey: SECRET, sessionToken: TOKEN } as never;
        return source.fn();
      },
      { name: 'fromTemporaryCredentials(reader)', now: clock.now, random: () => 0, backgroundRefresh: false, onEvent: (e) => events.push(e) },
    );
    await provider();
    for (const next of ['throttle', 'stale', 'junk'] as const) {
      mode = next;
      clock.advance(2 * HOUR);
      await provider();
    }
    expect(events.map((e) => e.type)).toEqual(expect.arrayContaining(['refresh', 'refresh-failed', 'backoff', 'stale-served']));
    expect(leaks(shown(events))).toBe(false);
    expect(leaks(shown(provider))).toBe(false);
    expect(leaks(shown(provider.stats()))).toBe(false);
    expect(shown(provider)).toContain('fromTemporaryCredentials(reader)');
    expect(shown(provider)).toContain('ASIATEST00000001'); // the key id is fine to show
  });

  it('errors for a failing first fetch (including stale and invalid results) carry no secret', async () => {
    const clock = manualClock();
    const results = [
      { accessKeyId: 'ASIASTALE', secretAccessKey: SECRET, sessionToken: TOKEN, expiration: new Date(clock.now() - 1) },
      { secretAccessKey: SECRET, sessionToken: TOKEN },
      { accessKeyId: 'AKID', secretAccessKey: SECRET, sessionToken: TOKEN, expiration: SECRET },
    ];
    for (const result of results) {
      const provider = cacheCredentials(async () => result as never, { now: clock.now, backgroundRefresh: false });
      const error = await provider().catch((e: unknown) => e);
      expect(error).toBeInstanceOf(CredentialsUnavailableError);
      expect(leaks(shown(error))).toBe(false);
    }
    const wrapped = new CredentialsUnavailableError('src', awsError('Throttling'));
    expect(leaks(shown(wrapped))).toBe(false);
  });
});

describe('sharedCredentials', () => {
  it('events carry a hash of the key, never the key (a key may hold a secret); key errors name the path only', async () => {
    const clock = manualClock();
    const events: CredentialEvent[] = [];
    const key = { roleArn: 'arn:aws:iam::1:role/r', source: { accessKeyId: 'AKIA', secretAccessKey: SECRET } };
    const provider = sharedCredentials(key, () => countingSource(clock, HOUR).fn, { now: clock.now, backgroundRefresh: false, onEvent: (e) => events.push(e) });
    await provider();
    expect(events[0]?.key).toMatch(/^[0-9a-f]{8}$/);
    expect(leaks(shown(events))).toBe(false);
    expect(leaks(shown(provider))).toBe(false);
    const error = (() => {
      try {
        stableKey({ secret: SECRET, fn: () => 1 });
      } catch (e) {
        return e;
      }
    })();
    expect(error).toBeInstanceOf(TypeError);
    expect(leaks(shown(error))).toBe(false);
    clearSharedCredentials();
  });
});

describe('toV2Credentials', () => {
  it('exposes the keys to v2 after get, but not to inspect, JSON, spreads, Object.keys or for-in', async () => {
    const clock = manualClock();
    const v2 = toV2Credentials(cacheCredentials(countingSource(clock, HOUR).fn, { now: clock.now, backgroundRefresh: false }));
    await v2.getPromise();
    expect(v2.secretAccessKey).toBe(SECRET);
    expect(v2.sessionToken).toBe(TOKEN);
    expect(leaks(shown(v2))).toBe(false);
    expect(leaks(JSON.stringify({ credentials: v2 }))).toBe(false);
    expect(leaks(JSON.stringify({ ...v2 }))).toBe(false);
    expect(leaks(Object.keys(v2).join())).toBe(false);
    const forIn: string[] = [];
    for (const key in v2) forIn.push(String((v2 as any)[key]));
    expect(leaks(forIn.join())).toBe(false);
    expect(shown(v2)).toContain('ASIATEST00000001');
    expect({ ...v2 }).toMatchObject({ accessKeyId: 'ASIATEST00000001' });
  });

  it('errors handed to v2 carry no secret', async () => {
    const v2 = toV2Credentials(
      cacheCredentials(async () => ({ secretAccessKey: SECRET }) as never, { now: manualClock().now, backgroundRefresh: false }),
    );
    const error = await new Promise((resolve) => v2.get(resolve));
    expect(error).toBeInstanceOf(Error);
    expect(leaks(shown(error))).toBe(false);
  });
});

describe('errors from the event hook', () => {
  it('are swallowed, and nothing about them leaks into results', async () => {
    const clock = manualClock();
    const provider = cacheCredentials(countingSource(clock, 60 * MIN).fn, {
      now: clock.now,
      backgroundRefresh: false,
      onEvent: () => {
        throw new Error('hook');
      },
    });
    await expect(provider()).resolves.toMatchObject({ secretAccessKey: SECRET });
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
    const failing = gatedSource(clock);
    failing.error = named('Throttling');
    const rateLimited = cacheCredentials(failing.fn, { now: clock.now, backgroundRefresh: false, maxSourceCallsPerMinute: 1 });
    errors.push(await rateLimited().catch((e: unknown) => e));
    errors.push(await rateLimited().catch((e: unknown) => e));
    const expired = gatedSource(clock, -SEC);
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
    const s = gatedSource(clock);
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
    sharedCredentials('another', () => gatedSource(clock).fn); // evicts ours
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
    const v2 = toV2Credentials(cacheCredentials(gatedSource(clock).fn, { now: clock.now, backgroundRefresh: false }));
    await v2.getPromise();
    expect(v2.secretAccessKey).toBe(SECRET);
    expect(v2.sessionToken).toBe(TOKEN);
    expect(leaks(inspect(v2, { depth: Infinity, showHidden: true }))).toBe(false);
    expect(leaks(JSON.stringify(v2))).toBe(false);
    expect(leaks(JSON.stringify({ ...v2 }))).toBe(false);
    expect(leaks(Object.keys(v2).join())).toBe(false);
  });
});
