/* eslint-disable */
// @ts-nocheck
// Lazy singletons, the usual way to survive Next.js hot reloads and serverless cold starts.
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { S3Client } from '@aws-sdk/client-s3';
import { SESv2Client } from '@aws-sdk/client-sesv2';
import { fromTemporaryCredentials } from '@aws-sdk/credential-providers';

let ddb: DynamoDBClient | undefined;
export function getDynamo() {
  if (!ddb) {
    ddb = new DynamoDBClient({ region: process.env.AWS_REGION }); // ok: lazy init
  }
  return ddb;
}

let s3: S3Client | undefined;
export const getS3 = () => (s3 ??= new S3Client({ region: 'eu-west-1' })); // ok: lazy init ??=

let ses: SESv2Client | null = null;
export function getSes() {
  if (ses === null) {
    ses = new SESv2Client({ // ok: lazy init
      credentials: fromTemporaryCredentials({ params: { RoleArn: process.env.SES_ROLE_ARN } }), // ok: lazy init
    });
  }
  return ses;
}

const globalForAws = globalThis as unknown as { s3Admin?: S3Client };
export const s3Admin = globalForAws.s3Admin ?? new S3Client({}); // ok: module scope
globalForAws.s3Admin = s3Admin;
