import { fromTemporaryCredentials } from '@aws-sdk/credential-providers';
import { S3Client } from '@aws-sdk/client-s3';

const provider = fromTemporaryCredentials({ params: { RoleArn: 'arn:aws:iam::111111111111:role/worker' } });

export async function start() {
  const credentials = provider;
  const s3 = new S3Client({ credentials });
  return s3;
}
