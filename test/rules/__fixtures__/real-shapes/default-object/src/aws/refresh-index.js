import { ListObjectsV2Command } from '@aws-sdk/client-s3';
import { s3Client } from './client.js';

export async function refreshIndex() {
  return s3Client().send(new ListObjectsV2Command({ Bucket: 'documents' }));
}
