import { fromTemporaryCredentials } from '@aws-sdk/credential-providers';

export const handler = async (event) => {
  const credentials = fromTemporaryCredentials({ params: { RoleArn: event.roleArn } });
  return credentials();
};
