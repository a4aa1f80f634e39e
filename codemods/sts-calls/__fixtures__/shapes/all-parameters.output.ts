import { STSClient } from '@aws-sdk/client-sts';
import { S3Client } from '@aws-sdk/client-s3';
import { sharedCredentials } from 'eslint-plugin-aws-credentials/runtime';
import { fromTemporaryCredentials } from '@aws-sdk/credential-providers';

const sts = new STSClient({ region: 'eu-west-1' });

export async function sendFor(tenant: { roleArn: string; externalId: string }) {
  const assumedRoleCredentials = sharedCredentials({ source: 'AssumeRole', RoleArn: tenant.roleArn, RoleSessionName: 'mailer', ExternalId: tenant.externalId, DurationSeconds: 3600, Policy: '{"Version":"2012-10-17","Statement":[]}', PolicyArns: [{ arn: 'arn:aws:iam::aws:policy/AmazonSESFullAccess' }], Tags: [{ Key: 'tenant', Value: 'mailer' }], SerialNumber: 'arn:aws:iam::111111111111:mfa/ops', client: { region: 'eu-west-1' } }, () => fromTemporaryCredentials({ params: { RoleArn: tenant.roleArn, RoleSessionName: 'mailer', ExternalId: tenant.externalId, DurationSeconds: 3600, Policy: '{"Version":"2012-10-17","Statement":[]}', PolicyArns: [{ arn: 'arn:aws:iam::aws:policy/AmazonSESFullAccess' }], Tags: [{ Key: 'tenant', Value: 'mailer' }], SerialNumber: 'arn:aws:iam::111111111111:mfa/ops' }, mfaCodeProvider: async () => '123456', clientConfig: { region: 'eu-west-1' } }));
  const s3 = new S3Client({
    credentials: assumedRoleCredentials,
  });
  return s3.config.region();
}

export const handler = async (event: { tenant: { roleArn: string; externalId: string } }) => sendFor(event.tenant);
