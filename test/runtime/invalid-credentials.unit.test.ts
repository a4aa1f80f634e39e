// A source that resolves to something unusable: the error says what is wrong (never the values).
import { describe, expect, it } from 'vitest';
import { cacheCredentials, CredentialsUnavailableError, InvalidCredentialsError } from '../../src/runtime/index.js';
import { SECRET, manualClock } from './support.js';

async function failureOf(value: unknown): Promise<Error> {
  const clock = manualClock();
  const provider = cacheCredentials(async () => value as never, { name: 'custom()', now: clock.now, backgroundRefresh: false });
  const error = (await provider().catch((e: unknown) => e)) as CredentialsUnavailableError;
  expect(error).toBeInstanceOf(CredentialsUnavailableError);
  expect(error.cause).toBeInstanceOf(InvalidCredentialsError);
  expect(error.message).not.toContain(SECRET);
  return error.cause as Error;
}

describe('unusable credentials', () => {
  it.each([
    ['an invalid Date expiration', { accessKeyId: 'ASIAX', secretAccessKey: SECRET, expiration: new Date(Number.NaN) }, 'expiration is an invalid Date'],
    ['an unparsable string expiration', { accessKeyId: 'ASIAX', secretAccessKey: SECRET, expiration: 'tomorrow' }, 'expiration is a string that is not a date'],
    ['an object expiration', { accessKeyId: 'ASIAX', secretAccessKey: SECRET, expiration: {} }, 'expiration is a object that is not a date'],
    ['a missing secret key', { accessKeyId: 'ASIAX' }, 'without a secretAccessKey string (got undefined)'],
    ['an empty secret key', { accessKeyId: 'ASIAX', secretAccessKey: '' }, 'without a secretAccessKey string (got string)'],
    ['a missing access key id', { secretAccessKey: SECRET }, 'without an accessKeyId string (got undefined)'],
    ['null', null, 'null instead of credentials'],
    ['a string', SECRET, 'string instead of credentials'],
  ])('%s', async (_what, value, message) => {
    const error = await failureOf(value);
    expect(error.message).toContain(message);
    expect(error.message).not.toContain(SECRET);
  });

  it('null expiration means none (kept until invalidated); a number is ms since the epoch', async () => {
    const clock = manualClock();
    const never = cacheCredentials(async () => ({ accessKeyId: 'ASIAX', secretAccessKey: 's', expiration: null as never }), { now: clock.now, backgroundRefresh: false });
    expect((await never()).expiration).toBeNull();
    expect(never.stats().state).toBe('valid');
    const at = clock.now() + 3_600_000;
    const numeric = cacheCredentials(async () => ({ accessKeyId: 'ASIAX', secretAccessKey: 's', expiration: at as never }), { now: clock.now, backgroundRefresh: false });
    expect((await numeric()).expiration).toEqual(new Date(at));
  });

  it('refuses windows and bounds of 0', () => {
    const source = async () => ({ accessKeyId: 'a', secretAccessKey: 's' });
    expect(() => cacheCredentials(source, { advisoryWindowSeconds: 0 })).toThrow(RangeError);
    expect(() => cacheCredentials(source, { maxSourceCallsPerMinute: 0 })).toThrow(RangeError);
    expect(() => cacheCredentials(source, { refreshBackoffSeconds: -1 })).toThrow(RangeError);
  });
});
