import { fromIni } from '@aws-sdk/credential-providers';
import { S3Client } from '@aws-sdk/client-s3';

export async function worker() {
  const s3 = new S3Client({ credentials: fromIni({ profile: 'worker' }) });
  return s3;
}
