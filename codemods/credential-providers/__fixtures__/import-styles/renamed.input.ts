import { S3Client } from '@aws-sdk/client-s3';
import { fromTemporaryCredentials as assumeRole } from '@aws-sdk/credential-providers';

export async function handler(event: { bucket: string }) {
  const s3 = new S3Client({
    region: 'eu-west-1',
    credentials: assumeRole({ params: { RoleArn: 'arn:aws:iam::111111111111:role/reader' } }),
  });
  return s3.config.region();
}
