// Failures: static stability with backoff, stale credentials from the source, non-recoverable
// errors (raised, remembered 1-5 s), no cache yet, the rate limit, and invalidate under backoff.
import { describe, expect, it, afterEach } from 'vitest';
import { cacheCredentials, CredentialsUnavailableError, isNonRecoverableCredentialError, StaleCredentialsError, ExpiredCredentialsError, toV2Credentials, type AwsCredentialIdentity } from '../../src/runtime/index.js';
import { HOUR, MIN, SEC, awsError, countingSource, deferred, failingSource, flakySource, manualClock, recorder, scripted, settle, SECRET } from './support.js';
import { clockAt, gate, gatedSource, named, callers, resetRuntimeState } from './gated-source.js';
import { inspect } from 'node:util';

afterEach(() => resetRuntimeState());

describe('recoverable failures', () => {
  it.each(['Throttling', 'ThrottlingException', 'ECONNRESET', 'TimeoutError', 'InternalFailure', 'ServiceUnavailable', 'CredentialsProviderError'])(
    '%s after expiry: serves the cached credentials (even expired) and leaves the source alone for the backoff',
    async (name) => {
      const clock = manualClock();
      const source = flakySource(clock);
      const log = recorder();
      const provider = cacheCredentials(source.fn, { now: clock.now, random: () => 0, backgroundRefresh: false, onEvent: log.onEvent });
      const first = await provider();
      source.fail(name);
      clock.advance(61 * MIN);
      expect(await provider()).toBe(first);
      expect(source.calls).toBe(2);
      for (let i = 0; i < 50; i++) expect(await provider()).toBe(first);
      clock.advance(299 * SEC); // random 0: backoff 300 s
      expect(await provider()).toBe(first);
      expect(source.calls).toBe(2);
      expect(provider.stats()).toMatchObject({ state: 'expired', staleServed: 52, failures: 1 });
      source.recover();
      clock.advance(2 * SEC);
      expect((await provider()).accessKeyId).not.toBe(first.accessKeyId);
      expect(source.calls).toBe(3);
      expect(log.types()).toEqual(['refresh', 'refresh-failed', 'backoff', 'stale-served', 'refresh']);
    },
  );

  it('a failed refresh in the advisory window keeps serving the still-valid credentials and backs off', async () => {
    const clock = manualClock();
    const source = flakySource(clock);
    const provider = cacheCredentials(source.fn, { now: clock.now, random: () => 0, backgroundRefresh: false });
    const first = await provider();
    source.fail('Throttling');
    clock.advance(50 * MIN);
    expect(await provider()).toBe(first);
    await settle();
    expect(provider.stats().failures).toBe(1);
    for (let i = 0; i < 20; i++) {
      clock.advance(10 * SEC);
      expect(await provider()).toBe(first);
    }
    expect(source.calls).toBe(2); // 200 s later: still backing off
  });

  it('the random backoff lies in 300-600 s', async () => {
    for (const [random, backoff] of [[0, 300 * SEC], [0.5, 450 * SEC], [0.999, 599.7 * SEC]] as const) {
      const clock = manualClock();
      const source = flakySource(clock);
      const provider = cacheCredentials(source.fn, { now: clock.now, random: () => random, backgroundRefresh: false });
      await provider();
      source.fail('Throttling');
      clock.advance(61 * MIN);
      const failedAt = clock.now();
      await provider();
      expect(provider.stats().backoffUntil).toBe(failedAt + backoff);
    }
  });

  it('honours refreshBackoffSeconds', async () => {
    const clock = manualClock();
    const source = flakySource(clock);
    const provider = cacheCredentials(source.fn, { now: clock.now, backgroundRefresh: false, refreshBackoffSeconds: 10 });
    await provider();
    source.fail('Throttling');
    clock.advance(61 * MIN);
    await provider();
    clock.advance(9 * SEC);
    await provider();
    expect(source.calls).toBe(2);
    clock.advance(2 * SEC);
    await provider();
    expect(source.calls).toBe(3);
  });

  it('callers waiting in the mandatory window get the cached credentials when the shared refresh fails', async () => {
    const clock = manualClock();
    const gate = deferred();
    let calls = 0;
    const provider = cacheCredentials(
      async () => {
        if (++calls === 1) return { accessKeyId: 'AK1', secretAccessKey: 's', expiration: new Date(clock.now() + HOUR) };
        await gate.promise;
        throw awsError('ServiceUnavailable');
      },
      { now: clock.now, backgroundRefresh: false },
    );
    await provider();
    clock.advance(59 * MIN + 30 * SEC);
    const waiting = Array.from({ length: 30 }, () => provider());
    gate.resolve();
    expect((await Promise.all(waiting)).every((c) => c.accessKeyId === 'AK1')).toBe(true);
    expect(calls).toBe(2);
  });
});

describe('stale credentials from the source', () => {
  it('already expired: a failed refresh (cached ones kept, backoff)', async () => {
    const clock = manualClock();
    let calls = 0;
    const provider = cacheCredentials(
      async () => ({ accessKeyId: `AK${++calls}`, secretAccessKey: 's', expiration: new Date(clock.now() + (calls === 1 ? HOUR : -1)) }),
      { now: clock.now, random: () => 0, backgroundRefresh: false },
    );
    await provider();
    clock.advance(61 * MIN);
    expect((await provider()).accessKeyId).toBe('AK1');
    expect(provider.stats().backoffUntil).toBe(clock.now() + 300 * SEC);
    await provider();
    expect(calls).toBe(2);
  });

  it('inside the mandatory window and no better than the cached ones (an endpoint repeating the same credentials): a failed refresh', async () => {
    const clock = manualClock();
    const expiration = new Date(clock.now() + HOUR);
    let calls = 0;
    const log = recorder();
    const provider = cacheCredentials(async () => (calls++, { accessKeyId: 'AK-SAME', secretAccessKey: 's', expiration }), {
      now: clock.now,
      random: () => 0,
      backgroundRefresh: false,
      onEvent: log.onEvent,
    });
    await provider();
    clock.advance(59 * MIN + 30 * SEC);
    for (let i = 0; i < 20; i++) await provider();
    expect(calls).toBe(2);
    expect(log.events.find((e) => e.type === 'refresh-failed')?.error?.name).toBe('StaleCredentialsError');
  });

  it('inside the mandatory window but later than the cached ones: used, and the source backs off', async () => {
    const clock = manualClock();
    let calls = 0;
    const provider = cacheCredentials(
      async () => ({ accessKeyId: `AK${++calls}`, secretAccessKey: 's', expiration: new Date(clock.now() + (calls === 1 ? HOUR : 30 * SEC)) }),
      { now: clock.now, random: () => 0, backgroundRefresh: false },
    );
    await provider();
    clock.advance(61 * MIN); // cached ones expired
    expect((await provider()).accessKeyId).toBe('AK2');
    for (let i = 0; i < 20; i++) expect((await provider()).accessKeyId).toBe('AK2');
    expect(calls).toBe(2);
    expect(provider.stats().backoffUntil).toBeGreaterThan(clock.now());
  });

  it('with nothing cached, short-lived credentials are simply used', async () => {
    const clock = manualClock();
    const source = countingSource(clock, 8 * SEC);
    const provider = cacheCredentials(source.fn, { now: clock.now, backgroundRefresh: false });
    await provider();
    clock.advance(5 * SEC); // advisory of 8-s credentials starts at 4 s, mandatory at 6 s
    await provider();
    await settle();
    expect(source.calls).toBe(2);
    expect(provider.stats()).toMatchObject({ failures: 0, state: 'valid' });
  });

  it('invalid results (no keys, unusable expiration) count as failures', async () => {
    const clock = manualClock();
    const bad = [{}, { accessKeyId: 'a', secretAccessKey: 'b', expiration: 'not a date' }, undefined];
    for (const result of bad) {
      const provider = cacheCredentials(async () => result as never, { now: clock.now, backgroundRefresh: false });
      const error = await provider().catch((e: unknown) => e);
      expect(error).toBeInstanceOf(CredentialsUnavailableError);
      expect((error as CredentialsUnavailableError).code).toBe('InvalidCredentialsError');
    }
  });

  it('an expiration given as an ISO string is understood', async () => {
    const clock = manualClock();
    const provider = cacheCredentials(async () => ({ accessKeyId: 'a', secretAccessKey: 'b', expiration: new Date(clock.now() + HOUR).toISOString() as never }), {
      now: clock.now,
      backgroundRefresh: false,
    });
    await provider();
    expect(provider.stats().state).toBe('valid');
  });
});

describe('non-recoverable failures', () => {
  const NAMES = ['AccessDenied', 'InvalidIdentityToken', 'IDPRejectedClaim', 'MalformedPolicyDocument', 'PackedPolicyTooLarge', 'RegionDisabled'];

  it.each(NAMES.flatMap((name) => [name, `${name}Exception`]))('%s: raised at once as is, remembered for 1 s (random 0), no backoff', async (name) => {
    const clock = manualClock();
    const source = failingSource(name);
    const provider = cacheCredentials(source.fn, { now: clock.now, random: () => 0, backgroundRefresh: false });
    const error = await provider().catch((e: unknown) => e);
    expect(error).toMatchObject({ name });
    for (let i = 0; i < 100; i++) expect(await provider().catch((e: unknown) => e)).toBe(error);
    expect(source.calls).toBe(1);
    clock.advance(1001);
    await expect(provider()).rejects.toMatchObject({ name });
    expect(source.calls).toBe(2);
    expect(provider.stats().backoffUntil).toBeUndefined();
  });

  it('remembers the error for at most 5 s (random 0.999)', async () => {
    const clock = manualClock();
    const source = failingSource('AccessDenied');
    const provider = cacheCredentials(source.fn, { now: clock.now, random: () => 0.999, backgroundRefresh: false });
    await provider().catch(() => undefined);
    clock.advance(4_900);
    await provider().catch(() => undefined);
    expect(source.calls).toBe(1);
    clock.advance(200);
    await provider().catch(() => undefined);
    expect(source.calls).toBe(2);
  });

  it.each([
    ['Code', Object.assign(new Error('x'), { Code: 'AccessDenied' })],
    ['code', Object.assign(new Error('x'), { code: 'AccessDeniedException' })],
    ['__type', Object.assign(new Error('x'), { __type: 'com.amazonaws.sts#RegionDisabledException' })],
    ['__type with URL', Object.assign(new Error('x'), { __type: 'AccessDeniedException:http://internal.amazon.com/' })],
    ['Error.Code', Object.assign(new Error('x'), { Error: { Code: 'MalformedPolicyDocument' } })],
    ['cause', new Error('wrapped', { cause: Object.assign(new Error('x'), { name: 'IDPRejectedClaim' }) })],
    ['cause of cause', new Error('a', { cause: new Error('b', { cause: Object.assign(new Error('c'), { Code: 'InvalidIdentityToken' }) }) })],
    ['originalError (aws-sdk v2)', Object.assign(new Error('Could not load credentials'), { code: 'CredentialsError', originalError: { code: 'AccessDenied' } })],
  ])('is recognised on %s', async (_where, thrown) => {
    expect(isNonRecoverableCredentialError(thrown)).toBe(true);
    const clock = manualClock();
    let calls = 0;
    const provider = cacheCredentials(
      async () => {
        calls++;
        throw thrown;
      },
      { now: clock.now, backgroundRefresh: false },
    );
    expect(await provider().catch((e: unknown) => e)).toBe(thrown); // not hidden behind a generic error
    await provider().catch(() => undefined);
    expect(calls).toBe(1);
  });

  it('is not confused with recoverable errors', () => {
    for (const error of [awsError('Throttling'), awsError('ECONNREFUSED'), { name: 'InternalError' }, 'AccessDenied', null, undefined, 42]) {
      expect(isNonRecoverableCredentialError(error)).toBe(false);
    }
  });

  it('with credentials cached: raised in the mandatory window, never served stale', async () => {
    const clock = manualClock();
    const source = flakySource(clock);
    const provider = cacheCredentials(source.fn, { now: clock.now, random: () => 0, backgroundRefresh: false });
    await provider();
    source.fail('AccessDenied');
    clock.advance(59 * MIN + 30 * SEC);
    await expect(provider()).rejects.toMatchObject({ name: 'AccessDenied' });
    await expect(provider()).rejects.toMatchObject({ name: 'AccessDenied' });
    expect(source.calls).toBe(2);
    source.recover();
    clock.advance(1001);
    await expect(provider()).resolves.toMatchObject({ accessKeyId: 'ASIATEST00000002' });
  });

  it('with credentials cached, in the advisory window in the background mode: callers are served, and the source is not asked again every few seconds', async () => {
    const clock = manualClock();
    const source = flakySource(clock);
    const provider = cacheCredentials(source.fn, { now: clock.now, random: () => 0, backgroundRefresh: false, advisoryRefreshInBackground: true });
    const first = await provider();
    source.fail('AccessDenied');
    clock.advance(46 * MIN);
    for (let i = 0; i < 60; i++) {
      expect(await provider()).toBe(first);
      await settle();
      clock.advance(4 * SEC); // 4 min in all, beyond the 1-5 s memory
    }
    expect(source.calls).toBe(2);
    clock.advance(10 * MIN); // mandatory: asked and raised
    await expect(provider()).rejects.toMatchObject({ name: 'AccessDenied' });
  });
});

describe('no credentials cached yet', () => {
  it('a recoverable failure raises a clear error naming the source; the next call retries at once', async () => {
    const clock = manualClock();
    const source = failingSource('Throttling');
    const provider = cacheCredentials(source.fn, { name: 'fromTemporaryCredentials(reader)', now: clock.now, backgroundRefresh: false });
    const error = await provider().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CredentialsUnavailableError);
    expect((error as Error).message).toContain('fromTemporaryCredentials(reader)');
    expect((error as Error).message).toContain('Throttling');
    expect((error as CredentialsUnavailableError).code).toBe('Throttling');
    expect(((error as Error).cause as Error).name).toBe('Throttling');
    await provider().catch(() => undefined);
    expect(source.calls).toBe(2);
  });

  it('concurrent callers of a failing first fetch share one source call and get the same error', async () => {
    const clock = manualClock();
    const source = failingSource('Throttling');
    const provider = cacheCredentials(source.fn, { now: clock.now, backgroundRefresh: false });
    const errors = await Promise.all(Array.from({ length: 20 }, () => provider().catch((e: unknown) => e)));
    expect(source.calls).toBe(1);
    expect(new Set(errors).size).toBe(1);
    expect(errors[0]).toBeInstanceOf(CredentialsUnavailableError);
  });

  it('a source that throws synchronously is handled like one that rejects', async () => {
    const clock = manualClock();
    const provider = cacheCredentials(
      (() => {
        throw awsError('ECONNREFUSED');
      }) as never,
      { now: clock.now, backgroundRefresh: false },
    );
    await expect(provider()).rejects.toBeInstanceOf(CredentialsUnavailableError);
  });

  it('the rate limit caps a tight retry loop: burst 10, then 1 a second (default 60 a minute)', async () => {
    const clock = manualClock();
    const source = failingSource('Throttling');
    const log = recorder();
    const provider = cacheCredentials(source.fn, { now: clock.now, backgroundRefresh: false, onEvent: log.onEvent });
    for (let i = 0; i < 1000; i++) {
      await provider().catch(() => undefined);
      clock.advance(10); // 1,000 attempts in 10 s
    }
    expect(source.calls).toBeGreaterThanOrEqual(19);
    expect(source.calls).toBeLessThanOrEqual(20);
    await provider().catch(() => undefined); // takes the last token, if one has refilled
    const limited = await provider().catch((e: unknown) => e);
    expect(limited).toBeInstanceOf(CredentialsUnavailableError);
    expect((limited as Error).message).toMatch(/rate-limited/);
    expect((limited as CredentialsUnavailableError).code).toBe('Throttling');
    expect(log.types()).toContain('rate-limited');
  });

  it('maxSourceCallsPerMinute sets the rate', async () => {
    const clock = manualClock();
    const source = failingSource('Throttling');
    const provider = cacheCredentials(source.fn, { now: clock.now, backgroundRefresh: false, maxSourceCallsPerMinute: 6 });
    for (let i = 0; i < 600; i++) {
      await provider().catch(() => undefined);
      clock.advance(100); // 60 s
    }
    expect(source.calls).toBeGreaterThanOrEqual(11); // burst 6 + 6 a minute
    expect(source.calls).toBeLessThanOrEqual(12);
  });
});

describe('invalidate under backoff', () => {
  it('an active backoff still holds: the cached credentials are served, the source is not called', async () => {
    const clock = manualClock();
    const source = flakySource(clock);
    const provider = cacheCredentials(source.fn, { now: clock.now, random: () => 0, backgroundRefresh: false });
    const first = await provider();
    source.fail('Throttling');
    clock.advance(61 * MIN);
    await provider(); // fails: backoff 300 s
    provider.invalidate(first.accessKeyId);
    expect(await provider()).toBe(first);
    expect(source.calls).toBe(2);
    source.recover();
    clock.advance(301 * SEC);
    expect(await provider()).not.toBe(first);
  });
});

describe('events', () => {
  it('carry the source label, the key id and the error name and message; a throwing hook changes nothing', async () => {
    const clock = manualClock();
    const source = flakySource(clock);
    const log = recorder();
    const provider = cacheCredentials(source.fn, { name: 'fromIni(prod)', now: clock.now, random: scripted(0), backgroundRefresh: false, onEvent: log.onEvent });
    const first = await provider();
    source.fail('Throttling');
    clock.advance(61 * MIN);
    await provider();
    const [refresh, failed, backoff, stale] = log.events;
    expect(refresh).toMatchObject({ type: 'refresh', source: 'fromIni(prod)', accessKeyId: first.accessKeyId, expiration: first.expiration });
    expect(failed).toMatchObject({ type: 'refresh-failed', error: { name: 'Throttling', message: 'Throttling: simulated' } });
    expect(backoff).toMatchObject({ type: 'backoff', retryAt: clock.now() + 300 * SEC });
    expect(stale).toMatchObject({ type: 'stale-served', accessKeyId: first.accessKeyId });

    const throwing = cacheCredentials(countingSource(clock, HOUR).fn, { now: clock.now, backgroundRefresh: false, onEvent: () => { throw new Error('hook'); } });
    await expect(throwing()).resolves.toMatchObject({ accessKeyId: 'ASIATEST00000001' });
  });

  it('stale-served is sent once per failure, not once per call', async () => {
    const clock = manualClock();
    const source = flakySource(clock);
    const log = recorder();
    const provider = cacheCredentials(source.fn, { now: clock.now, random: () => 0, backgroundRefresh: false, onEvent: log.onEvent });
    await provider();
    source.fail('Throttling');
    clock.advance(61 * MIN);
    for (let i = 0; i < 100; i++) await provider();
    expect(log.types().filter((t) => t === 'stale-served')).toHaveLength(1);
    expect(provider.stats().staleServed).toBe(100);
  });
});

describe('StaleCredentialsError', () => {
  it('says when the credentials expired', () => {
    const now = Date.UTC(2026, 0, 1);
    expect(new StaleCredentialsError('src', new Date(now - 5000), now).message).toMatch(/expired 5 s ago/);
    expect(new StaleCredentialsError('src', new Date(now + 5000), now).message).toMatch(/expire in 5 s/);
  });
});

describe('recoverable failures', () => {
  const recoverable = [
    ['Throttling', named('Throttling', 'Rate exceeded')],
    ['a network error', Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' })],
    ['a 5xx', Object.assign(named('ServiceUnavailable', 'Service Unavailable'), { $fault: 'server', $metadata: { httpStatusCode: 503 } })],
    ['a timeout', named('TimeoutError', 'Connection timed out after 1000 ms')],
  ] as const;

  it.each(recoverable)('%s: serves the cached (even expired) credentials; no source call until the random backoff passes, then exactly one', async (_label, error) => {
    const clock = clockAt();
    const s = gatedSource(clock);
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
    const s = gatedSource(clock);
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
    const s = gatedSource(clock);
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
    const s = gatedSource(clock, -SEC);
    const error = await cacheCredentials(s.fn, { now: clock.now, backgroundRefresh: false })().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CredentialsUnavailableError);
    expect((error as Error).cause).toBeInstanceOf(ExpiredCredentialsError);
  });

  it('credentials that arrive already expired count as a failure: the cached ones are served and the source backs off', async () => {
    const clock = clockAt();
    const s = gatedSource(clock);
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
    const s = gatedSource(clock);
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
    const s = gatedSource(clock);
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
    const s = gatedSource(clock);
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
    const s = gatedSource(clock);
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
