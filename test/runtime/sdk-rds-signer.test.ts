// The real RDS signer asks its provider again with `{ forceRefresh: true }` when the credentials
// expire within 15 minutes. With 10-minute AssumeRole credentials from the fake STS, the cache
// must honour it: one shared refresh for concurrent token requests.
import { fromTemporaryCredentials } from '@aws-sdk/credential-providers';
import { Signer } from '@aws-sdk/rds-signer';
import { describe, expect, it } from 'vitest';
import { cacheCredentials } from '../../src/runtime/index.js';
import { withFakeAws } from '../support/fake-aws/with-fake-aws.js';

const ROLE = 'arn:aws:iam::666666666666:role/db-client';
const fake = withFakeAws({ fake: { credentialLifetimeSeconds: 600 }, env: { imds: false } });

describe('RDS signer over cacheCredentials', () => {
  it('forceRefresh reaches the source: one refresh shared by 10 concurrent token requests', async () => {
    const provider = cacheCredentials(fromTemporaryCredentials({ params: { RoleArn: ROLE, RoleSessionName: 'db' } }), { name: 'db-client' });
    try {
      const signer = new Signer({ hostname: 'db.example.internal', port: 5432, username: 'app', region: 'us-east-1', credentials: provider });
      const tokens = await Promise.all(Array.from({ length: 10 }, () => signer.getAuthToken()));
      expect(tokens.every((token) => token.includes('X-Amz-Signature='))).toBe(true);
      // The first fetch, then one forced refresh for all ten (the fake's credentials live 10 min,
      // inside the signer's 15-minute threshold).
      expect(fake.calls.assumeRole).toBe(2);
    } finally {
      provider.dispose();
    }
  });
});
