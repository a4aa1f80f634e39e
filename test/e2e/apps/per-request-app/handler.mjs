// A Lambda-style handler that assumes the same role on every invocation: one AssumeRole call
// to STS per request until the codemod hoists the provider into the shared runtime cache.
import { GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import { fromTemporaryCredentials } from '@aws-sdk/credential-providers';

export const handler = async (event) => {
  const credentials = fromTemporaryCredentials({
    params: { RoleArn: 'arn:aws:iam::123456789012:role/per-request-app', RoleSessionName: 'per-request-app' },
    clientConfig: { region: 'us-east-1' },
  });
  const sts = new STSClient({ region: 'us-east-1', credentials });
  const identity = await sts.send(new GetCallerIdentityCommand({}));
  return { request: event.id, arn: identity.Arn };
};
