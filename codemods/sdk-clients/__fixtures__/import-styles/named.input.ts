import { S3Client, ListBucketsCommand } from '@aws-sdk/client-s3';

export const handler = async () => {
  const s3 = new S3Client({ region: 'us-east-1' });
  return s3.send(new ListBucketsCommand({}));
};
