import { readFileSync } from 'node:fs';
import { AssumeRoleWithWebIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { sharedCredentials } from 'eslint-plugin-aws-credentials/runtime';

const sts = new STSClient({ region: 'eu-central-1' });
const token = readFileSync('/var/run/secrets/token', 'utf8');

export async function tableFor(tenant: { roleArn: string }) {
  const webIdentityCredentials = sharedCredentials({ source: 'AssumeRoleWithWebIdentity', RoleArn: tenant.roleArn, RoleSessionName: 'tenant', WebIdentityToken: token, client: { region: 'eu-central-1' } }, () => async () => {
    const response = await sts.send(new AssumeRoleWithWebIdentityCommand({ RoleArn: tenant.roleArn, RoleSessionName: 'tenant', WebIdentityToken: token }));
    return { accessKeyId: response.Credentials!.AccessKeyId!, secretAccessKey: response.Credentials!.SecretAccessKey!, sessionToken: response.Credentials!.SessionToken, expiration: response.Credentials!.Expiration };
  });
  return new DynamoDBClient({
    credentials: webIdentityCredentials,
  });
}

export const handler = async (event: { roleArn: string }) => tableFor(event);
