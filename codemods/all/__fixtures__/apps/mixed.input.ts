import { S3Client, GetObjectCommand } from '@aws-sdk/client-s3';
import { fromTemporaryCredentials, fromIni } from '@aws-sdk/credential-providers';

export const reports = async (event: { key: string }) => {
  const s3 = new S3Client({
    credentials: fromTemporaryCredentials({ params: { RoleArn: 'arn:aws:iam::111111111111:role/reports' } }),
  });
  return s3.send(new GetObjectCommand({ Bucket: 'reports', Key: event.key }));
};

export const audit = async (event: unknown) => {
  const s3 = new S3Client({ credentials: fromIni({ profile: 'audit' }) });
  return s3.config.region();
};
