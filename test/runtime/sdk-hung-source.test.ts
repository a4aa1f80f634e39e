// A real fromTemporaryCredentials whose STS does not answer (the fake holds AssumeRole far longer
// than the bound): the cache gives up at sourceTimeoutSeconds, raises a clear error with nothing
// cached, and serves the cached credentials when there are some.
import { fromTemporaryCredentials } from '@aws-sdk/credential-providers';
import { describe, expect, it } from 'vitest';
import { cacheCredentials, CredentialsUnavailableError } from '../../src/runtime/index.js';
import { withFakeAws } from '../support/fake-aws/with-fake-aws.js';

const ROLE = 'arn:aws:iam::777777777777:role/hung';
const fake = withFakeAws({ env: { imds: false }, afterEach: (started) => started.configure({ latencyMs: 0 }) });

const stsProvider = () => fromTemporaryCredentials({ params: { RoleArn: ROLE, RoleSessionName: 'hung' } });

describe('STS that does not answer', () => {
  it('nothing cached: CredentialsUnavailableError naming the bound, not a hang', async () => {
    fake.configure({ latencyMs: { assumeRole: 5_000 } });
    const provider = cacheCredentials(stsProvider(), { name: 'hung-sts', sourceTimeoutSeconds: 0.3, backgroundRefresh: false });
    const error = await provider().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CredentialsUnavailableError);
    expect((error as Error).message).toContain('did not answer');
    expect(provider.stats().refreshing).toBe(false);
  });

  it('credentials cached: a forced refresh that hangs is served the cached credentials and backs off', async () => {
    const provider = cacheCredentials(stsProvider(), { name: 'hung-sts', sourceTimeoutSeconds: 0.3, backgroundRefresh: false });
    const first = await provider();
    fake.configure({ latencyMs: { assumeRole: 5_000 } });
    expect(await provider({ forceRefresh: true })).toBe(first);
    expect(provider.stats().backoffUntil).toBeGreaterThan(Date.now());
    expect(provider.stats().failures).toBe(1);
  });
});
