import { STSClient } from '@aws-sdk/client-sts';
import { S3Client } from '@aws-sdk/client-s3';
import { cacheCredentials } from 'eslint-plugin-aws-credentials/runtime';
import { fromTemporaryCredentials } from '@aws-sdk/credential-providers';

const sts = new STSClient({ region: 'us-east-1' });

const assumedRoleCredentials = cacheCredentials(fromTemporaryCredentials({ params: { RoleArn: 'arn:aws:iam::111111111111:role/reader', RoleSessionName: 'reader' }, clientConfig: { region: 'us-east-1' } }));

export const handler = async () => {
  const s3 = new S3Client({
    credentials: assumedRoleCredentials,
  });
  return s3.config.region();
};
