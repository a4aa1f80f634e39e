import { fromTemporaryCredentials } from '@aws-sdk/credential-providers';
import { S3Client } from '@aws-sdk/client-s3';
import { sharedCredentials } from 'eslint-plugin-aws-credentials/runtime';

export const handler = async (event: { tenantId: string }) => {
  const credentials = sharedCredentials({ source: 'fromTemporaryCredentials', RoleArn: `arn:aws:iam::${event.tenantId}:role/tenant`, RoleSessionName: 'tenant' }, () => fromTemporaryCredentials({
    params: { RoleArn: `arn:aws:iam::${event.tenantId}:role/tenant`, RoleSessionName: 'tenant' },
  }));
  const s3 = new S3Client({ credentials });
  return s3.config.region();
};
