import { defaultProvider } from '@aws-sdk/credential-provider-node';
import { S3Client } from '@aws-sdk/client-s3';
import { cacheCredentials } from 'eslint-plugin-aws-credentials/runtime';

const defaultCredentials = cacheCredentials(defaultProvider());

export function handler() {
  const s3 = new S3Client({ credentials: defaultCredentials });
  return s3.config.region();
}
