import { AssumeRoleCommand, STSClient } from '@aws-sdk/client-sts';

export const assumeRole = async (roleArn = process.env.ROLE_ARN) => {
  const sts = new STSClient({ region: 'us-east-1' });
  return sts.send(new AssumeRoleCommand({ RoleArn: roleArn, RoleSessionName: 'site' }));
};
