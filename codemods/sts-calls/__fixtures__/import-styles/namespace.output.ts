import * as sts from '@aws-sdk/client-sts';
import { S3Client } from '@aws-sdk/client-s3';
import { sharedCredentials } from 'eslint-plugin-aws-credentials/runtime';
import { fromTemporaryCredentials } from '@aws-sdk/credential-providers';

const client = new sts.STSClient({ region: 'eu-west-1' });

export async function handler(event: { roleArn: string }) {
  const assumedRoleCredentials = sharedCredentials({ source: 'AssumeRole', RoleArn: event.roleArn, RoleSessionName: 'job', DurationSeconds: 900, client: { region: 'eu-west-1' } }, () => fromTemporaryCredentials({ params: { RoleArn: event.roleArn, RoleSessionName: 'job', DurationSeconds: 900 }, clientConfig: { region: 'eu-west-1' } }));
  const s3 = new S3Client({
    credentials: assumedRoleCredentials,
  });
  return s3.config.region();
}
