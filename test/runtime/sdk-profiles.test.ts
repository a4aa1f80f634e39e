// One cacheCredentials(fromIni()) shared by a client configured with profile a and one with
// profile b: the SDK passes each client's config (callerClientConfig) to the provider, fromIni
// resolves that client's profile, and each client must sign with its own profile's key.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import { fromIni } from '@aws-sdk/credential-providers';
import { afterAll, describe, expect, it } from 'vitest';
import { cacheCredentials } from '../../src/runtime/index.js';
import { withFakeAws } from '../support/fake-aws/with-fake-aws.js';

const KEY_A = 'AKIAPROFILEA00000000';
const KEY_B = 'AKIAPROFILEB00000000';
const dir = mkdtempSync(join(tmpdir(), 'runtime-profiles-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const fake = withFakeAws({
  env: { baseCredentials: false, imds: false },
  extraEnv: () => {
    const credentials = join(dir, 'credentials');
    writeFileSync(credentials, `[a]\naws_access_key_id = ${KEY_A}\naws_secret_access_key = secret-of-profile-a\n\n[b]\naws_access_key_id = ${KEY_B}\naws_secret_access_key = secret-of-profile-b\n`);
    writeFileSync(join(dir, 'config'), '');
    return { AWS_SHARED_CREDENTIALS_FILE: credentials, AWS_CONFIG_FILE: join(dir, 'config') };
  },
});

describe('a provider shared across profiles', () => {
  it('client a signs with profile a, client b with profile b, each profile read once', async () => {
    const shared = cacheCredentials(fromIni(), { name: 'fromIni()' });
    try {
      const client = (profile: string) => new STSClient({ profile, region: 'us-east-1', credentials: shared, maxAttempts: 1 });
      for (let round = 0; round < 5; round++) {
        await client('a').send(new GetCallerIdentityCommand({}));
        await client('b').send(new GetCallerIdentityCommand({}));
      }
      expect(fake.signedBy.get(KEY_A)).toBe(5);
      expect(fake.signedBy.get(KEY_B)).toBe(5);
      expect(shared.stats()).toMatchObject({ sourceCalls: 2, partitions: 2 });
    } finally {
      shared.dispose();
    }
  });
});
