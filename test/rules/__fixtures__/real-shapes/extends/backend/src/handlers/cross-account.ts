import { getRoleCredentials } from 'lambda-layer';

export const handler = async (event: { roleArn: string }) => {
  const credentials = await getRoleCredentials(event.roleArn, 'cross-account');
  return credentials?.Expiration;
};
