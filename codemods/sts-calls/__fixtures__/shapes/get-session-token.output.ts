import { GetSessionTokenCommand, STSClient } from '@aws-sdk/client-sts';
import { S3Client } from '@aws-sdk/client-s3';
import { cacheCredentials } from 'eslint-plugin-aws-credentials/runtime';

const sts = new STSClient({ region: 'us-east-1' });

const sessionCredentials = cacheCredentials(async () => {
  const { Credentials } = await sts.send(new GetSessionTokenCommand({ DurationSeconds: 900 }));
  return { accessKeyId: Credentials!.AccessKeyId!, secretAccessKey: Credentials!.SecretAccessKey!, sessionToken: Credentials!.SessionToken, expiration: Credentials!.Expiration };
});

export const handler = async () => {
  // Short-lived credentials for the upload client.
  const s3 = new S3Client({
    credentials: sessionCredentials,
  });
  return s3.config.region();
};
