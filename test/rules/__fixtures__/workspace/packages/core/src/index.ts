import { S3Client } from '@aws-sdk/client-s3';

export const bucketClient = (region: string) => new S3Client({ region });
