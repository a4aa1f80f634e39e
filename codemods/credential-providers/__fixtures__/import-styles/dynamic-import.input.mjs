export async function handler(event) {
  const { fromTemporaryCredentials } = await import('@aws-sdk/credential-providers');
  const credentials = fromTemporaryCredentials({ params: { RoleArn: 'arn:aws:iam::111111111111:role/reader' } });
  return credentials();
}
