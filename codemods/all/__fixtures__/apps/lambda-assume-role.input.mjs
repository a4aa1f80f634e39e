// A Lambda handler that assumes a tenant role per event with a hand-written AssumeRole call.
import { AssumeRoleCommand, STSClient, GetCallerIdentityCommand } from '@aws-sdk/client-sts';

const sts = new STSClient({ region: 'us-east-1' });

export const handler = async (event) => {
  const { Credentials } = await sts.send(
    new AssumeRoleCommand({ RoleArn: event.tenantRoleArn, RoleSessionName: 'tenant-handler' }),
  );
  const tenant = new STSClient({
    region: 'us-east-1',
    credentials: {
      accessKeyId: Credentials.AccessKeyId,
      secretAccessKey: Credentials.SecretAccessKey,
      sessionToken: Credentials.SessionToken,
    },
  });
  const identity = await tenant.send(new GetCallerIdentityCommand({}));
  return { statusCode: 200, body: identity.Arn };
};
