import { S3Client, GetObjectCommand } from '@aws-sdk/client-s3';

export const handler = async (event: { key: string }) => {
  // One client per invocation, no explicit credentials: the default chain runs again each time.
  const s3 = new S3Client({ region: 'eu-west-1', maxAttempts: 5 });
  return s3.send(new GetObjectCommand({ Bucket: 'assets', Key: event.key }));
};
