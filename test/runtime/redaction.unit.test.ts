// The one redactor: what the runtime composes from a source's error (its own errors' messages, the
// events' error summaries, the v2 adapter's errors) never repeats a secret the source put in it.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fromProcess } from '@aws-sdk/credential-providers';
import { afterAll, describe, expect, it } from 'vitest';
import { cacheCredentials, CredentialsUnavailableError, toV2Credentials, type CredentialEvent } from '../../src/runtime/index.js';
import { redactSecrets } from '../../src/runtime/redact.js';
import { HOUR, awsError, countingSource, manualClock } from './support.js';

// Shaped like the real thing, so the shape rules (not the test's markers) must catch them.
const SECRET_KEY = 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY';
const SESSION_TOKEN = 'IQoJb3JpZ2luX2VjEJr//////////wEaCXVzLWVhc3QtMSJHMEUCIQD6sY2q0x0yW3S7yq7vXzkzK9rG1eExampleTokenValue';
const ACCESS_KEY_ID = 'ASIAIOSFODNN7EXAMPLE';
const CLIENT_SECRET = 'hunter2-client-secret';

describe('redactSecrets', () => {
  it.each([
    [`Command failed: get-creds --client-secret=${CLIENT_SECRET} --role reader`, CLIENT_SECRET],
    [`get-creds --api-token ${CLIENT_SECRET}`, undefined],
    [`https://idp.example/token?access_token=${CLIENT_SECRET}&x=1`, CLIENT_SECRET],
    [`{"AccessKeyId":"${ACCESS_KEY_ID}","SecretAccessKey":"${SECRET_KEY}","SessionToken":"${SESSION_TOKEN}"}`, SECRET_KEY],
    [`signed with ${ACCESS_KEY_ID}`, ACCESS_KEY_ID],
    [`secret ${SECRET_KEY} leaked`, SECRET_KEY],
    [`token ${SESSION_TOKEN}`, SESSION_TOKEN],
    [`password: ${CLIENT_SECRET}`, CLIENT_SECRET],
  ])('%s', (text, secret) => {
    const redacted = redactSecrets(text);
    if (secret !== undefined) expect(redacted).not.toContain(secret);
    expect(redacted).not.toContain(SECRET_KEY);
    expect(redacted).not.toContain(SESSION_TOKEN);
  });

  it('keeps what explains the failure', () => {
    expect(redactSecrets('Rate exceeded')).toBe('Rate exceeded');
    expect(redactSecrets('User: arn:aws:iam::123456789012:user/ci is not authorized to perform: sts:AssumeRole')).toContain('sts:AssumeRole');
    expect(redactSecrets(`signed with ${ACCESS_KEY_ID}`)).toContain('ASIA');
  });

  it('never returns an empty message', () => {
    expect(redactSecrets('')).toBe('(no message)');
    expect(redactSecrets('   ')).toBe('(no message)');
    expect(redactSecrets(SECRET_KEY)).not.toBe('');
  });
});

describe('through the cache', () => {
  it('errors it raises and refresh-failed events carry the redacted message; the cause is the source error itself', async () => {
    const clock = manualClock();
    const events: CredentialEvent[] = [];
    const provider = cacheCredentials(
      async () => {
        throw awsError('CredentialsProviderError', `Command failed: get-creds --client-secret=${CLIENT_SECRET} ${SECRET_KEY}`);
      },
      { now: clock.now, backgroundRefresh: false, onEvent: (e) => void events.push(e) },
    );
    const error = (await provider().catch((e: unknown) => e)) as CredentialsUnavailableError;
    expect(error).toBeInstanceOf(CredentialsUnavailableError);
    for (const text of [error.message, JSON.stringify(events)]) {
      expect(text).not.toContain(CLIENT_SECRET);
      expect(text).not.toContain(SECRET_KEY);
      expect(text).toContain('client-secret=[redacted]');
    }
    // Documented: the original error is kept as it is.
    expect((error.cause as Error).message).toContain(CLIENT_SECRET);
  });

  it('the v2 adapter\'s errors are redacted too', async () => {
    const clock = manualClock();
    const good = countingSource(clock, HOUR);
    let fail = true;
    const provider = cacheCredentials(
      async () => {
        if (fail) throw awsError('CredentialsProviderError', `token=${CLIENT_SECRET}`);
        return good.fn();
      },
      { now: clock.now, backgroundRefresh: false },
    );
    const error = (await toV2Credentials(provider).getPromise().catch((e: unknown) => e)) as Error;
    expect(error.message).not.toContain(CLIENT_SECRET);
    fail = false;
  });
});

describe('a real fromProcess failure (its message quotes the command line)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'runtime-redaction-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('the command line\'s secret argument stays out of the runtime\'s error and events', async () => {
    const config = join(dir, 'config');
    writeFileSync(config, `[profile failing]\ncredential_process = ${process.execPath} -e "process.exit(3)" -- --client-secret=${CLIENT_SECRET}\n`);
    const saved = { config: process.env.AWS_CONFIG_FILE, credentials: process.env.AWS_SHARED_CREDENTIALS_FILE };
    process.env.AWS_CONFIG_FILE = config;
    process.env.AWS_SHARED_CREDENTIALS_FILE = join(dir, 'credentials');
    try {
      const events: CredentialEvent[] = [];
      const provider = cacheCredentials(fromProcess({ profile: 'failing' }), { name: 'fromProcess(failing)', backgroundRefresh: false, onEvent: (e) => void events.push(e) });
      const error = (await provider().catch((e: unknown) => e)) as Error;
      expect(error).toBeInstanceOf(CredentialsUnavailableError);
      expect(String((error.cause as Error).message)).toContain(CLIENT_SECRET); // what the SDK wrote
      expect(error.message).not.toContain(CLIENT_SECRET);
      expect(JSON.stringify(events)).not.toContain(CLIENT_SECRET);
      expect(error.message).toContain('client-secret=[redacted]');
    } finally {
      for (const [name, value] of [['AWS_CONFIG_FILE', saved.config], ['AWS_SHARED_CREDENTIALS_FILE', saved.credentials]] as const) {
        if (value === undefined) delete process.env[name];
        else process.env[name] = value;
      }
    }
  });
});
