import { S3Client, GetObjectCommand } from '@aws-sdk/client-s3';
import { fromTemporaryCredentials, fromIni } from '@aws-sdk/credential-providers';
import { cacheCredentials } from 'eslint-plugin-aws-credentials/runtime';

const temporaryCredentials = cacheCredentials(fromTemporaryCredentials({ params: { RoleArn: 'arn:aws:iam::111111111111:role/reports' } }));

const iniCredentials = cacheCredentials(fromIni({ profile: 'audit' }));

export const reports = async (event: { key: string }) => {
  const s3 = new S3Client({
    credentials: temporaryCredentials,
  });
  return s3.send(new GetObjectCommand({ Bucket: 'reports', Key: event.key }));
};

export const audit = async (event: unknown) => {
  const s3 = new S3Client({ credentials: iniCredentials });
  return s3.config.region();
};
