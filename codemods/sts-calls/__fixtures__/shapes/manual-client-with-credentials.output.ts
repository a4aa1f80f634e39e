import { AssumeRoleCommand, STSClient } from '@aws-sdk/client-sts';
import { S3Client } from '@aws-sdk/client-s3';
import { fromIni } from '@aws-sdk/credential-providers';

// The STS client signs as the `base` profile: the assumed role's trust policy trusts only that.
const sts = new STSClient({ region: 'us-east-1', credentials: fromIni({ profile: 'base' }) });

export const handler = async () => {
  const { Credentials } = await sts.send(new AssumeRoleCommand({ RoleArn: 'arn:aws:iam::1:role/reader', RoleSessionName: 'reader' }));
  return new S3Client({ credentials: { accessKeyId: Credentials!.AccessKeyId!, secretAccessKey: Credentials!.SecretAccessKey! } });
};
