import providers = require('@aws-sdk/credential-providers');
import { S3Client } from '@aws-sdk/client-s3';
import { cacheCredentials } from 'eslint-plugin-aws-credentials/runtime';

const instanceMetadataCredentials = cacheCredentials(providers.fromInstanceMetadata({ timeout: 1000 }));

export async function handler() {
  const s3 = new S3Client({ credentials: instanceMetadataCredentials });
  return s3.config.region();
}
