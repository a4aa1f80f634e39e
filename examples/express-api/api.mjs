// An HTTP API whose route builds its provider for the role of the caller's organisation.
import { createServer } from 'node:http';
import { GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import { fromTemporaryCredentials } from '@aws-sdk/credential-providers';

export function createApi() {
  return createServer(async (req, res) => {
    const org = new URL(req.url, 'http://localhost').searchParams.get('org') ?? 'default';
    const sts = new STSClient({
      region: 'us-east-1',
      credentials: fromTemporaryCredentials({
        params: { RoleArn: `arn:aws:iam::444444444444:role/org-${org}`, RoleSessionName: 'api' },
      }),
    });
    const identity = await sts.send(new GetCallerIdentityCommand({}));
    res.end(identity.Arn);
  });
}
