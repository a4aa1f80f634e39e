import { STSClient, AssumeRoleCommand } from '@aws-sdk/client-sts';

const sts = new STSClient({});

export const handler = async (event: { roleArn: string }) => {
  const response = await sts.send(new AssumeRoleCommand({ RoleArn: event.roleArn, RoleSessionName: 'worker' }));
  console.log('assumed', response.AssumedRoleUser?.Arn);
  return response.Credentials;
};
