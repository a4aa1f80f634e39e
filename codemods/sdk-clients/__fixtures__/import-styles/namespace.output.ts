import * as S3 from '@aws-sdk/client-s3';

const s3Client = new S3.S3Client({ region: 'us-east-1' });

export const handler = async () => {
  const s3 = s3Client;
  return s3.send(new S3.ListBucketsCommand({}));
};
