import { STSClient, AssumeRoleCommand } from '@aws-sdk/client-sts';
import { S3Client } from '@aws-sdk/client-s3';

const sts = new STSClient({ region: 'eu-west-1' });

export async function sendFor(tenant: { roleArn: string; externalId: string }) {
  const { Credentials } = await sts.send(
    new AssumeRoleCommand({
      RoleArn: tenant.roleArn,
      RoleSessionName: 'mailer',
      ExternalId: tenant.externalId,
      DurationSeconds: 3600,
      Policy: '{"Version":"2012-10-17","Statement":[]}',
      PolicyArns: [{ arn: 'arn:aws:iam::aws:policy/AmazonSESFullAccess' }],
      Tags: [{ Key: 'tenant', Value: 'mailer' }],
      SerialNumber: 'arn:aws:iam::111111111111:mfa/ops',
      TokenCode: '123456',
    }),
  );
  const s3 = new S3Client({
    credentials: {
      accessKeyId: Credentials!.AccessKeyId!,
      secretAccessKey: Credentials!.SecretAccessKey!,
      sessionToken: Credentials!.SessionToken,
      expiration: Credentials!.Expiration,
    },
  });
  return s3.config.region();
}

export const handler = async (event: { tenant: { roleArn: string; externalId: string } }) => sendFor(event.tenant);
