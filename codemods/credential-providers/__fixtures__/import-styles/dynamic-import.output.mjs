import { sharedCredentials } from 'eslint-plugin-aws-credentials/runtime';

export async function handler(event) {
  const { fromTemporaryCredentials } = await import('@aws-sdk/credential-providers');
  const credentials = sharedCredentials({ source: 'fromTemporaryCredentials', RoleArn: 'arn:aws:iam::111111111111:role/reader' }, () => fromTemporaryCredentials({ params: { RoleArn: 'arn:aws:iam::111111111111:role/reader' } }));
  return credentials();
}
