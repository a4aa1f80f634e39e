import { S3Client, GetObjectCommand } from '@aws-sdk/client-s3';
import { fromTemporaryCredentials } from '@aws-sdk/credential-providers';
import { cacheCredentials } from 'eslint-plugin-aws-credentials/runtime';

const temporaryCredentials = cacheCredentials(fromTemporaryCredentials({
  params: { RoleArn: 'arn:aws:iam::111111111111:role/reports', RoleSessionName: 'reports' },
}));

export const handler = async (event: { key: string }) => {
  // The reports role is the same for every request.
  const credentials = temporaryCredentials;
  const s3 = new S3Client({ region: 'eu-west-1', credentials });
  return s3.send(new GetObjectCommand({ Bucket: "reports", Key: event.key }));
};
