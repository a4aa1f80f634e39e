// The redactor's exact output, pattern by pattern: what it replaces, where a value ends, and what
// it must leave alone (over-redaction would hide the error). The earlier tests checked only that
// secrets do not survive.
import { describe, expect, it } from 'vitest';
import { cacheCredentials } from '../../src/runtime/index.js';
import { redactSecrets } from '../../src/runtime/redact.js';
import { awsError, manualClock } from './support.js';

const SECRET_KEY = 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY'; // 40 characters

describe('secret-named arguments and fields', () => {
  it.each([
    ['password=p4ss;next', 'password=[redacted];next'],
    ['get-creds --client-secret=hunter2 --role reader', 'get-creds --client-secret=[redacted] --role reader'],
    ['x?access_token=abc123&x=1', 'x?access_token=[redacted]&x=1'],
    ['PASSWD: p4ss, more', 'PASSWD: [redacted], more'],
    ['db.password=xyz}', 'db.password=[redacted]}'],
    ['list=[secret=abc]', 'list=[secret=[redacted]]'],
    ['{"SecretAccessKey":"abc def","Other":"v"}', '{"SecretAccessKey":[redacted],"Other":"v"}'],
    ["{'sessionToken': 'abc def'}", "{'sessionToken': [redacted]}"],
    ['token = abc rest', 'token = [redacted] rest'],
    ['mysecret=abc', 'mysecret=[redacted]'],
    ['tokens=abc', 'tokens=[redacted]'],
    ['a=1 secret=abc b=2', 'a=1 secret=[redacted] b=2'],
    ['"token":"x" and "password":"y"', '"token":[redacted] and "password":[redacted]'],
    ['get-creds --client-secret hunter2 --role reader', 'get-creds --client-secret [redacted] --role reader'],
    ["cli -p-token 'a b' -v", "cli -p-token [redacted] -v"],
    ['run --password --verbose', 'run --password --verbose'],
  ])('%s', (text, redacted) => {
    expect(redactSecrets(text)).toBe(redacted);
  });

  it.each([
    'credentials: something here',
    'token:',
    'the token expired',
    'secrets manager is down',
    'arn:aws:iam::123456789012:role/reader is not authorized to perform: sts:AssumeRole',
  ])('leaves alone: %s', (text) => {
    expect(redactSecrets(text)).toBe(text);
  });
});

describe('access key ids', () => {
  it('every IAM unique-id prefix keeps its prefix, the 16 characters after it go', () => {
    const prefixes = ['AKIA', 'ASIA', 'AIDA', 'AROA', 'AIPA', 'ANPA', 'ANVA', 'APKA', 'ABIA', 'ACCA', 'AGPA'];
    for (const prefix of prefixes) expect(redactSecrets(`signed with ${prefix}IOSFODNN7EXAMPLE now`)).toBe(`signed with ${prefix}**************** now`);
  });

  it.each([
    ['too short', 'AKIAIOSFODNN7EXAMPL short'],
    ['too long', 'AKIAIOSFODNN7EXAMPLEX long'],
    ['inside a word', 'xAKIAIOSFODNN7EXAMPLE'],
    ['lower case', 'akiaiosfodnn7example'],
    ['another prefix', 'AXYZIOSFODNN7EXAMPLE'],
  ])('leaves alone one %s', (_what, text) => {
    expect(redactSecrets(text)).toBe(text);
  });
});

describe('secret-shaped runs', () => {
  it('40 base64 characters exactly, standing alone', () => {
    expect(redactSecrets(`key ${SECRET_KEY} end`)).toBe('key [redacted] end');
    expect(redactSecrets(SECRET_KEY)).toBe('[redacted]');
    expect(redactSecrets(`key ${SECRET_KEY.slice(1)} end`)).toBe(`key ${SECRET_KEY.slice(1)} end`);
    expect(redactSecrets(`key x${SECRET_KEY} end`)).toBe(`key x${SECRET_KEY} end`);
    expect(redactSecrets(`key ${SECRET_KEY}x end`)).toBe(`key ${SECRET_KEY}x end`);
  });

  it('64 or more token characters; 63 are kept', () => {
    const a63 = 'a'.repeat(63);
    expect(redactSecrets(`${a63} and ${'b'.repeat(64)} and ${'c_-='.repeat(20)}`)).toBe(`${a63} and [redacted] and [redacted]`);
  });

  it('never empty; otherwise returned as is, spaces included', () => {
    expect(redactSecrets('')).toBe('(no message)');
    expect(redactSecrets(' \n\t ')).toBe('(no message)');
    expect(redactSecrets('  Rate exceeded  ')).toBe('  Rate exceeded  ');
  });
});

describe('through the runtime', () => {
  it('an error name that is secret-shaped is redacted too', async () => {
    const clock = manualClock();
    const provider = cacheCredentials(async () => Promise.reject(awsError(SECRET_KEY, 'password=p4ss')), { name: 'p', now: clock.now, backgroundRefresh: false });
    const error = (await provider().catch((e: unknown) => e)) as Error & { code: string };
    expect(error.code).toBe('[redacted]');
    expect(error.message).toContain('([redacted]: password=[redacted])');
  });
});
