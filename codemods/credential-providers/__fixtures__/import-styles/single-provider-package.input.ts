import { defaultProvider } from '@aws-sdk/credential-provider-node';
import { S3Client } from '@aws-sdk/client-s3';

export function handler() {
  const s3 = new S3Client({ credentials: defaultProvider() });
  return s3.config.region();
}
