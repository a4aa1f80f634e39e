import * as sts from '@aws-sdk/client-sts';
import { S3Client } from '@aws-sdk/client-s3';

const client = new sts.STSClient({ region: 'eu-west-1' });

export async function handler(event: { roleArn: string }) {
  const response = await client.send(new sts.AssumeRoleCommand({ RoleArn: event.roleArn, RoleSessionName: 'job', DurationSeconds: 900 }));
  const s3 = new S3Client({
    credentials: {
      accessKeyId: response.Credentials!.AccessKeyId!,
      secretAccessKey: response.Credentials!.SecretAccessKey!,
      sessionToken: response.Credentials?.SessionToken,
    },
  });
  return s3.config.region();
}
