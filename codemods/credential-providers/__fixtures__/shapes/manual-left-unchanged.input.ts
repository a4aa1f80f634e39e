import { fromTemporaryCredentials } from '@aws-sdk/credential-providers';

export const handler = async (event: { roleArn: string }) => {
  // A session name that changes on every call: no safe cache key.
  const credentials = fromTemporaryCredentials({
    params: { RoleArn: event.roleArn, RoleSessionName: `run-${Date.now()}` },
  });
  return credentials();
};
