import { S3Client, GetObjectCommand } from '@aws-sdk/client-s3';
import { fromTemporaryCredentials } from '@aws-sdk/credential-providers';

export const handler = async (event: { key: string }) => {
  // The reports role is the same for every request.
  const credentials = fromTemporaryCredentials({
    params: { RoleArn: 'arn:aws:iam::111111111111:role/reports', RoleSessionName: 'reports' },
  });
  const s3 = new S3Client({ region: 'eu-west-1', credentials });
  return s3.send(new GetObjectCommand({ Bucket: "reports", Key: event.key }));
};
