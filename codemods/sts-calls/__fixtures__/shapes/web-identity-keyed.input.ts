import { readFileSync } from 'node:fs';
import { AssumeRoleWithWebIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';

const sts = new STSClient({ region: 'eu-central-1' });
const token = readFileSync('/var/run/secrets/token', 'utf8');

export async function tableFor(tenant: { roleArn: string }) {
  const response = await sts.send(new AssumeRoleWithWebIdentityCommand({ RoleArn: tenant.roleArn, RoleSessionName: 'tenant', WebIdentityToken: token }));
  return new DynamoDBClient({
    credentials: {
      accessKeyId: response.Credentials!.AccessKeyId!,
      secretAccessKey: response.Credentials!.SecretAccessKey!,
      sessionToken: response.Credentials!.SessionToken,
      expiration: response.Credentials!.Expiration,
    },
  });
}

export const handler = async (event: { roleArn: string }) => tableFor(event);
