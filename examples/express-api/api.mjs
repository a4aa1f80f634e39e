// An Express API whose route builds its provider for the role of the caller's organisation.
import express from 'express';
import { GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import { fromTemporaryCredentials } from '@aws-sdk/credential-providers';

export function createApi() {
  const app = express();
  app.get('/', async (req, res) => {
    const org = req.query.org ?? 'default';
    const sts = new STSClient({
      region: 'us-east-1',
      credentials: fromTemporaryCredentials({
        params: { RoleArn: `arn:aws:iam::444444444444:role/org-${org}`, RoleSessionName: 'api' },
      }),
    });
    const identity = await sts.send(new GetCallerIdentityCommand({}));
    res.send(identity.Arn);
  });
  return app;
}
