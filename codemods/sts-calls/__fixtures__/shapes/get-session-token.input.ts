import { GetSessionTokenCommand, STSClient } from '@aws-sdk/client-sts';
import { S3Client } from '@aws-sdk/client-s3';

const sts = new STSClient({ region: 'us-east-1' });

export const handler = async () => {
  // Short-lived credentials for the upload client.
  const { Credentials } = await sts.send(new GetSessionTokenCommand({ DurationSeconds: 900 }));
  const s3 = new S3Client({
    credentials: {
      accessKeyId: Credentials!.AccessKeyId!,
      secretAccessKey: Credentials!.SecretAccessKey!,
      sessionToken: Credentials!.SessionToken,
    },
  });
  return s3.config.region();
};
