import { fromIni } from '@aws-sdk/credential-providers';

export const handler = async () => {
  const credentials = fromIni({ profile: 'dev' };
  return credentials();
};
