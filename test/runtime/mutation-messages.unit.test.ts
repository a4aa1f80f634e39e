// The exact text of every error the runtime raises for bad input or a failing source: users read
// these messages (and search for them), so their wording, the source label and the numbers in them
// are part of the behaviour. Mutation testing showed most of them pinned only by their class.
import { describe, expect, it } from 'vitest';
import {
  cacheCredentials,
  configureSharedCredentials,
  CredentialsUnavailableError,
  InvalidCredentialsError,
  sharedCredentials,
  StaleCredentialsError,
  stableKey,
  toV2Credentials,
} from '../../src/runtime/index.js';
import { SECRET, awsError, manualClock } from './support.js';

const good = async () => ({ accessKeyId: 'ASIAGOOD', secretAccessKey: SECRET });

function thrown(run: () => unknown): Error {
  try {
    run();
  } catch (error) {
    return error as Error;
  }
  throw new Error('expected a throw');
}

describe('option validation messages', () => {
  it.each([
    [{ refreshBackoffSeconds: -1 }, 'cacheCredentials: refreshBackoffSeconds must be a non-negative number (got -1).'],
    [{ refreshBackoffSeconds: Number.NaN }, 'cacheCredentials: refreshBackoffSeconds must be a non-negative number (got NaN).'],
    [{ refreshBackoffSeconds: '5' as unknown as number }, 'cacheCredentials: refreshBackoffSeconds must be a non-negative number (got 5).'],
    [{ advisoryWindowSeconds: 0 }, 'cacheCredentials: advisoryWindowSeconds must be a positive number (got 0).'],
    [{ advisoryWindowSeconds: -3 }, 'cacheCredentials: advisoryWindowSeconds must be a positive number (got -3).'],
    [{ sourceTimeoutSeconds: 0 }, 'cacheCredentials: sourceTimeoutSeconds must be a positive number (got 0).'],
    [{ maxSourceCallsPerMinute: 0 }, 'cacheCredentials: maxSourceCallsPerMinute must be a positive number (got 0).'],
    [{ maxSourceCallsPerMinute: null as unknown as number }, 'cacheCredentials: maxSourceCallsPerMinute must be a positive number (got null).'],
    [{ separateCallersBy: ['profile', 'role'] as never }, "cacheCredentials: separateCallersBy must be an array of 'profile' and 'region' (got profile,role)."],
    [{ separateCallersBy: 'profile' as never }, "cacheCredentials: separateCallersBy must be an array of 'profile' and 'region' (got profile)."],
  ])('%o', (options, message) => {
    const error = thrown(() => cacheCredentials(good, options));
    expect(error).toBeInstanceOf(RangeError);
    expect(error.message).toBe(message);
  });

  it('accepts the smallest allowed values: a 0 s backoff, tiny positive windows and bounds', () => {
    expect(() => cacheCredentials(good, { refreshBackoffSeconds: 0 })).not.toThrow();
    expect(() => cacheCredentials(good, { advisoryWindowSeconds: 0.001, sourceTimeoutSeconds: 0.001, maxSourceCallsPerMinute: 0.5 })).not.toThrow();
    expect(() => cacheCredentials(good, { sourceTimeoutSeconds: Infinity, separateCallersBy: [] })).not.toThrow();
  });

  it('a non-function source', () => {
    const error = thrown(() => cacheCredentials('fromIni' as never));
    expect(error).toBeInstanceOf(TypeError);
    expect(error.message).toBe('cacheCredentials expects a credential provider function (an SDK v3 provider or an async function).');
  });

  it('registry bounds', () => {
    expect(thrown(() => configureSharedCredentials({ maxEntries: 0 })).message).toBe('configureSharedCredentials: maxEntries must be a positive integer (got 0).');
    expect(thrown(() => configureSharedCredentials({ maxEntries: 2.5 })).message).toBe('configureSharedCredentials: maxEntries must be a positive integer (got 2.5).');
    expect(thrown(() => configureSharedCredentials({ idleEvictionSeconds: 0 })).message).toBe(
      'configureSharedCredentials: idleEvictionSeconds must be a positive number (got 0).',
    );
    expect(thrown(() => configureSharedCredentials({ idleEvictionSeconds: Number.NaN })).message).toBe(
      'configureSharedCredentials: idleEvictionSeconds must be a positive number (got NaN).',
    );
    expect(thrown(() => configureSharedCredentials({ idleEvictionSeconds: '60' as never })).message).toBe(
      'configureSharedCredentials: idleEvictionSeconds must be a positive number (got 60).',
    );
    // The smallest legal bounds are accepted (then the defaults are put back).
    expect(() => configureSharedCredentials({ maxEntries: 1, idleEvictionSeconds: 0.5 })).not.toThrow();
    configureSharedCredentials({ maxEntries: 1_000, idleEvictionSeconds: 3_600 });
  });

  it('a missing factory', () => {
    const error = thrown(() => sharedCredentials('mutation-messages-no-factory', undefined as never));
    expect(error).toBeInstanceOf(TypeError);
    expect(error.message).toBe('sharedCredentials: factory must be a function returning a credential provider.');
  });

  it('the v2 adapter over a non-function', () => {
    expect(thrown(() => toV2Credentials(42 as never)).message).toBe(
      'toV2Credentials expects a credential provider function (e.g. from cacheCredentials).',
    );
  });
});

describe('key refusal messages name the path, never the value', () => {
  const allowed = 'a key may hold only strings, numbers, bigints, booleans, null, undefined, Dates, arrays and plain objects';
  it.each([
    [{ a: [1, { f: () => 1 }] }, 'key.a[1].f is a function (key the provider by its inputs, not by the provider itself)'],
    [[Symbol('s')], 'key[0] is a symbol'],
    [{ m: new Map() }, 'key.m is a Map instance (use a plain object of its identifying fields)'],
    [{ o: Object.create({}) as object }, 'key.o is a Object instance (use a plain object of its identifying fields)'],
    [{ o: Object.create(Object.create(null) as object) as object }, 'key.o is a object instance (use a plain object of its identifying fields)'],
    [{ [Symbol('s')]: 1 }, 'key has symbol keys'],
    [Object.assign([1], { extra: 2 }), 'key is an array with extra properties'],
  ])('%o', (key, what) => {
    const error = thrown(() => stableKey(key));
    expect(error).toBeInstanceOf(TypeError);
    expect(error.message).toBe(`sharedCredentials: ${what}; ${allowed}.`);
  });

  it('a cycle', () => {
    const key: Record<string, unknown> = { list: [] };
    (key.list as unknown[]).push(key);
    expect(thrown(() => stableKey(key)).message).toBe(`sharedCredentials: key.list[0] refers back to itself (a key must not contain cycles); ${allowed}.`);
  });
});

describe('source failure messages', () => {
  async function firstFailure(source: () => Promise<unknown>, options: Parameters<typeof cacheCredentials>[1] = {}): Promise<Error> {
    const clock = manualClock();
    const provider = cacheCredentials(source as never, { now: clock.now, backgroundRefresh: false, ...options });
    return (await provider().catch((error: unknown) => error)) as Error;
  }

  it('a failing first fetch: the label, the cause name and message, what happens next', async () => {
    const cause = awsError('Throttling', 'Rate exceeded');
    const error = (await firstFailure(async () => Promise.reject(cause), { name: 'fromTemporaryCredentials(reader)' })) as CredentialsUnavailableError;
    expect(error).toBeInstanceOf(CredentialsUnavailableError);
    expect(error.name).toBe('CredentialsUnavailableError');
    expect(error.code).toBe('Throttling');
    expect(error.cause).toBe(cause);
    expect(error.message).toBe(
      'Could not load AWS credentials from fromTemporaryCredentials(reader): the source failed (Throttling: Rate exceeded). Nothing is cached yet; the next call retries.',
    );
  });

  it('constructed directly, the error says the source failed and the next call retries', () => {
    const error = new CredentialsUnavailableError('fromEnv()', awsError('CredentialsProviderError', 'no AWS_ACCESS_KEY_ID'));
    expect(error.message).toBe(
      'Could not load AWS credentials from fromEnv(): the source failed (CredentialsProviderError: no AWS_ACCESS_KEY_ID). Nothing is cached yet; the next call retries.',
    );
    expect(error.code).toBe('CredentialsProviderError');
  });

  it('labels: the option, else the function name with (), else "credential provider"', async () => {
    async function fromProfileReader(): Promise<never> {
      throw awsError('CredentialsProviderError', 'no profile');
    }
    expect((await firstFailure(fromProfileReader)).message).toContain('from fromProfileReader(): the source failed');
    const anonymous = [async () => Promise.reject(awsError('Boom', 'x'))][0]!;
    expect(anonymous.name).toBe('');
    expect((await firstFailure(anonymous)).message).toContain('from credential provider: the source failed (Boom: x)');
  });

  it('a non-Error rejection', async () => {
    expect((await firstFailure(async () => Promise.reject('plain text'))).message).toContain('(Error: plain text)');
    expect((await firstFailure(async () => Promise.reject(42), { name: 'n' })).message).toBe(
      'Could not load AWS credentials from n: the source failed (Error: non-Error value thrown). Nothing is cached yet; the next call retries.',
    );
  });

  it('a timeout', async () => {
    const error = (await firstFailure(() => new Promise(() => undefined), { name: 'slow', sourceTimeoutSeconds: 0.01 })) as CredentialsUnavailableError;
    expect(error.code).toBe('SourceTimeoutError');
    expect(error.message).toBe(
      'Could not load AWS credentials from slow: the source did not answer in time (SourceTimeoutError: slow did not answer within 0.01 s (sourceTimeoutSeconds); treated as a failed refresh.). Nothing is cached yet; the next call retries.',
    );
  });

  it('rate-limited after the burst: when the next call may succeed', async () => {
    const clock = manualClock();
    const provider = cacheCredentials(async () => Promise.reject(awsError('Throttling', 'Rate exceeded')), {
      name: 'p',
      now: clock.now,
      backgroundRefresh: false,
      maxSourceCallsPerMinute: 6, // burst 6, one token every 10 s
    });
    for (let i = 0; i < 6; i++) await provider().catch(() => undefined);
    const limited = (await provider().catch((error: unknown) => error)) as CredentialsUnavailableError;
    expect(limited.message).toBe(
      'Could not load AWS credentials from p: the source is rate-limited after repeated failures (Throttling: Rate exceeded). Nothing is cached yet; retry in 10 s.',
    );
    clock.advance(4_000);
    expect(((await provider().catch((error: unknown) => error)) as Error).message).toContain('retry in 6 s.');
    clock.advance(5_500);
    expect(((await provider().catch((error: unknown) => error)) as Error).message).toContain('retry in 1 s.');
    clock.advance(1_000);
    expect(((await provider().catch((error: unknown) => error)) as Error).message).toContain('the source failed (Throttling');
  });

  it('unusable answers: the invalid-credentials message names the problem', async () => {
    const cases: [unknown, string][] = [
      [undefined, 'undefined instead of credentials'],
      [7, 'number instead of credentials'],
      [{ accessKeyId: '', secretAccessKey: SECRET }, 'credentials without an accessKeyId string (got string)'],
      [{ accessKeyId: 5, secretAccessKey: SECRET }, 'credentials without an accessKeyId string (got number)'],
      [{ accessKeyId: 'ASIAX', secretAccessKey: 5 }, 'credentials without a secretAccessKey string (got number)'],
      [{ accessKeyId: 'ASIAX', secretAccessKey: SECRET, expiration: true }, 'credentials whose expiration is a boolean that is not a date (expected a Date, an ISO 8601 string or ms since the epoch)'],
      [{ accessKeyId: 'ASIAX', secretAccessKey: SECRET, expiration: new Date(Number.NaN) }, 'credentials whose expiration is an invalid Date (expected a Date, an ISO 8601 string or ms since the epoch)'],
    ];
    for (const [value, problem] of cases) {
      const error = (await firstFailure(async () => value, { name: 'custom()' })) as CredentialsUnavailableError;
      expect(error.cause).toBeInstanceOf(InvalidCredentialsError);
      expect((error.cause as Error).name).toBe('InvalidCredentialsError');
      expect((error.cause as Error).message).toBe(`custom() resolved ${problem}.`);
      expect(error.code).toBe('InvalidCredentialsError');
    }
    expect(new InvalidCredentialsError('x').message).toBe('x resolved without an accessKeyId and secretAccessKey string.');
  });

  it('already expired answers: a stale-credentials message with the age and the time', async () => {
    const clock = manualClock();
    const at = new Date(clock.now());
    const provider = cacheCredentials(async () => ({ accessKeyId: 'ASIAOLD', secretAccessKey: SECRET, expiration: at }), { name: 'old', now: clock.now, backgroundRefresh: false });
    const error = (await provider().catch((e: unknown) => e)) as CredentialsUnavailableError;
    const stale = error.cause as StaleCredentialsError;
    expect(stale).toBeInstanceOf(StaleCredentialsError);
    expect(stale.name).toBe('StaleCredentialsError');
    expect(stale.expiration).toEqual(at);
    expect(stale.message).toBe(`old returned credentials that expired 0 s ago (${at.toISOString()}); treated as a failed refresh.`);
    expect(new StaleCredentialsError('s', new Date(at.getTime() + 1_400), at.getTime()).message).toContain('expire in 1 s');
    expect(new StaleCredentialsError('s', new Date(at.getTime() - 61_000), at.getTime()).message).toContain('expired 61 s ago');
  });
});
