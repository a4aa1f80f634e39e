import { S3Client } from '@aws-sdk/client-s3';
import { fromTemporaryCredentials as assumeRole } from '@aws-sdk/credential-providers';
import { cacheCredentials } from 'eslint-plugin-aws-credentials/runtime';

const temporaryCredentials = cacheCredentials(assumeRole({ params: { RoleArn: 'arn:aws:iam::111111111111:role/reader' } }));

export async function handler(event: { bucket: string }) {
  const s3 = new S3Client({
    region: 'eu-west-1',
    credentials: temporaryCredentials,
  });
  return s3.config.region();
}
