import { S3Client } from '@aws-sdk/client-s3';

export async function syncAll(regions: string[]) {
  for (const region of regions) {
    const s3 = new S3Client({ region });
    await s3.config.region();
  }
}
