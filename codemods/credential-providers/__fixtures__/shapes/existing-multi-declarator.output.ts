import { fromIni } from '@aws-sdk/credential-providers';
import { S3Client } from '@aws-sdk/client-s3';
import { cacheCredentials } from 'eslint-plugin-aws-credentials/runtime';

// The identical provider is the second declarator of a multi-declarator `const`: it is reused.
const region = 'eu-west-1',
  devCredentials = cacheCredentials(fromIni({ profile: 'dev' }));

export const handler = async () => {
  const s3 = new S3Client({ region, credentials: devCredentials });
  return s3.config.region();
};
