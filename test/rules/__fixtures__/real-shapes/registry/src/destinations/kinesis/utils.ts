import { AssumeRoleCommand, STSClient } from '@aws-sdk/client-sts';

const sts = new STSClient({});

export async function send(roleArn: string, records: unknown[]) {
  const { Credentials } = await sts.send(new AssumeRoleCommand({ RoleArn: roleArn, RoleSessionName: 'destination' }));
  return { Credentials, records };
}
