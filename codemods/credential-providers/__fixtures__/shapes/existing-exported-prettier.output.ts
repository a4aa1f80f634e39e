import { fromIni } from '@aws-sdk/credential-providers';
import { S3Client } from '@aws-sdk/client-s3';
import { cacheCredentials } from 'eslint-plugin-aws-credentials/runtime';

export const iniCredentials = cacheCredentials(
  fromIni({
    profile: 'dev',
  }),
);

export const handler = async () => {
  const s3 = new S3Client({
    credentials: iniCredentials,
  });
  return s3.config.region();
};
