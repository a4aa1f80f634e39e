// Error classification and naming at their edges: how deep causes are followed, which fields count,
// and the name the runtime's errors and events report for a cause.
import { describe, expect, it } from 'vitest';
import { cacheCredentials, CredentialsUnavailableError, isNonRecoverableCredentialError } from '../../src/runtime/index.js';
import { awsError, manualClock } from './support.js';

/** `error` wrapped in `depth` plain Errors through `cause`. */
function wrapped(error: unknown, depth: number): Error {
  let outer: unknown = error;
  for (let i = 0; i < depth; i++) outer = new Error(`level ${depth - i}`, { cause: outer });
  return outer as Error;
}

async function codeFor(cause: unknown): Promise<string> {
  const clock = manualClock();
  const provider = cacheCredentials(async () => Promise.reject(cause), { now: clock.now, backgroundRefresh: false });
  const error = (await provider().catch((e: unknown) => e)) as CredentialsUnavailableError;
  expect(error).toBeInstanceOf(CredentialsUnavailableError);
  return error.code;
}

describe('classification', () => {
  it('follows cause and originalError chains four levels deep, not five', () => {
    expect(isNonRecoverableCredentialError(wrapped(awsError('AccessDenied'), 4))).toBe(true);
    expect(isNonRecoverableCredentialError(wrapped(awsError('AccessDenied'), 5))).toBe(false);
    let v2: Record<string, unknown> = { code: 'AccessDenied' };
    for (let i = 0; i < 4; i++) v2 = { code: 'CredentialsError', originalError: v2 };
    expect(isNonRecoverableCredentialError(v2)).toBe(true);
    expect(isNonRecoverableCredentialError({ code: 'CredentialsError', originalError: v2 })).toBe(false);
  });

  it('every non-recoverable code, bare, with Exception, namespaced or with a URL suffix', () => {
    for (const code of ['AccessDenied', 'InvalidIdentityToken', 'IDPRejectedClaim', 'MalformedPolicyDocument', 'PackedPolicyTooLarge', 'RegionDisabled', 'ExpiredToken']) {
      for (const form of [code, `${code}Exception`, `com.amazonaws.sts#${code}`, `${code}Exception:http://internal.amazon.com/coral/`]) {
        expect(isNonRecoverableCredentialError({ __type: form })).toBe(true);
        expect(isNonRecoverableCredentialError({ Error: { Code: form } })).toBe(true);
      }
      expect(isNonRecoverableCredentialError({ code: `${code}Error` })).toBe(false);
      expect(isNonRecoverableCredentialError({ code: `Not${code}` })).toBe(false);
    }
  });

  it('an empty namespace before # still names the code', () => {
    expect(isNonRecoverableCredentialError({ __type: '#AccessDenied' })).toBe(true);
  });

  it('is false for values that carry no code', () => {
    for (const value of [undefined, null, 'AccessDenied', 42, {}, { Error: null }, { Error: 'AccessDenied' }, { name: '' }, { code: 7 }]) {
      expect(isNonRecoverableCredentialError(value)).toBe(false);
    }
  });
});

describe('the name reported for a cause', () => {
  it('a code the SDK set wins over the generic name Error', async () => {
    expect(await codeFor(Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' }))).toBe('ECONNREFUSED');
    expect(await codeFor(Object.assign(new Error('x'), { Code: 'Throttling' }))).toBe('Throttling');
    expect(await codeFor({ __type: 'com.amazonaws.sts#ThrottlingException', message: 'slow down' })).toBe('ThrottlingException');
  });

  it('an empty name does not count', async () => {
    expect(await codeFor({ name: '', code: 'Throttling', message: 'Rate exceeded' })).toBe('Throttling');
  });

  it('the first specific name, outermost first', async () => {
    expect(await codeFor(new Error('outer', { cause: awsError('Throttling') }))).toBe('Throttling');
    expect(await codeFor(Object.assign(awsError('TimeoutError'), { cause: awsError('Throttling') }))).toBe('TimeoutError');
  });

  it('Error when nothing more specific is known', async () => {
    expect(await codeFor(new Error('plain'))).toBe('Error');
    expect(await codeFor('a string')).toBe('Error');
    expect(await codeFor(undefined)).toBe('Error');
  });

  it('skips the runtime\'s own wrapper to the source\'s code', async () => {
    const clock = manualClock();
    const inner = cacheCredentials(async () => Promise.reject(awsError('Throttling')), { now: clock.now, backgroundRefresh: false });
    const outer = cacheCredentials(inner, { now: clock.now, backgroundRefresh: false });
    const error = (await outer().catch((e: unknown) => e)) as CredentialsUnavailableError;
    expect(error.code).toBe('Throttling');
  });
});
