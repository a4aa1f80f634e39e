import { fromTemporaryCredentials } from '@aws-sdk/credential-providers';
import { S3Client } from '@aws-sdk/client-s3';

export const handler = async (event: { tenantId: string }) => {
  const credentials = fromTemporaryCredentials({
    params: { RoleArn: `arn:aws:iam::${event.tenantId}:role/tenant`, RoleSessionName: 'tenant' },
  });
  const s3 = new S3Client({ credentials });
  return s3.config.region();
};
