// An SDK v3 handler that asks for a session token by hand on every request.
import { GetCallerIdentityCommand, GetSessionTokenCommand, STSClient } from '@aws-sdk/client-sts';

const sts = new STSClient({ region: 'us-east-1' });

export const handler = async () => {
  const { Credentials } = await sts.send(new GetSessionTokenCommand({ DurationSeconds: 900 }));
  const session = new STSClient({
    region: 'us-east-1',
    credentials: { accessKeyId: Credentials.AccessKeyId, secretAccessKey: Credentials.SecretAccessKey, sessionToken: Credentials.SessionToken },
  });
  const identity = await session.send(new GetCallerIdentityCommand({}));
  return identity.Arn;
};
