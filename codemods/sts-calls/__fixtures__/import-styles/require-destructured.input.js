const { STSClient, AssumeRoleCommand } = require('@aws-sdk/client-sts');
const { S3Client } = require('@aws-sdk/client-s3');

const sts = new STSClient({ region: 'us-east-1' });

exports.handler = async () => {
  const { Credentials } = await sts.send(
    new AssumeRoleCommand({ RoleArn: 'arn:aws:iam::111111111111:role/reader', RoleSessionName: 'reader' }),
  );
  const s3 = new S3Client({
    credentials: {
      accessKeyId: Credentials.AccessKeyId,
      secretAccessKey: Credentials.SecretAccessKey,
      sessionToken: Credentials.SessionToken,
    },
  });
  return s3.config.region();
};
