// A Lambda handler that assumes a tenant role per event with a hand-written AssumeRole call.
import { STSClient, GetCallerIdentityCommand } from '@aws-sdk/client-sts';
import { sharedCredentials } from 'eslint-plugin-aws-credentials/runtime';
import { fromTemporaryCredentials } from '@aws-sdk/credential-providers';

const sts = new STSClient({ region: 'us-east-1' });

export const handler = async (event) => {
  const assumedRoleCredentials = sharedCredentials({ source: 'AssumeRole', RoleArn: event.tenantRoleArn, RoleSessionName: 'tenant-handler', client: { region: 'us-east-1' } }, () => fromTemporaryCredentials({ params: { RoleArn: event.tenantRoleArn, RoleSessionName: 'tenant-handler' }, clientConfig: { region: 'us-east-1' } }));
  const tenant = new STSClient({
    region: 'us-east-1',
    credentials: assumedRoleCredentials,
  });
  const identity = await tenant.send(new GetCallerIdentityCommand({}));
  return { statusCode: 200, body: identity.Arn };
};
