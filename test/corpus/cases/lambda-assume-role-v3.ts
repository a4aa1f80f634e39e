/* eslint-disable */
// @ts-nocheck
// Lambda handler that reads a bucket in a tenant account (cross-account AssumeRole per event).
import { S3Client, GetObjectCommand } from '@aws-sdk/client-s3';
import { fromTemporaryCredentials } from '@aws-sdk/credential-providers';
import type { APIGatewayProxyEvent } from 'aws-lambda';

const BUCKET = process.env.BUCKET_NAME;

export const handler = async (event: APIGatewayProxyEvent) => {
  const tenantId = event.pathParameters?.tenantId;
  const credentials = fromTemporaryCredentials({ // expect: no-per-request-credential-provider
    params: {
      RoleArn: `arn:aws:iam::${tenantId}:role/tenant-reader`,
      RoleSessionName: 'tenant-reader',
    },
  });
  const s3 = new S3Client({ region: 'eu-west-1', credentials });
  const object = await s3.send(new GetObjectCommand({ Bucket: BUCKET, Key: 'report.json' }));
  return { statusCode: 200, body: await object.Body?.transformToString() };
};

export const healthHandler = async () => {
  const s3 = new S3Client({ region: 'eu-west-1' }); // expect: no-per-request-client
  await s3.config.credentials();
  return { statusCode: 204 };
};
