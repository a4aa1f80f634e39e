const { STSClient } = require('@aws-sdk/client-sts');
const { S3Client } = require('@aws-sdk/client-s3');
const { cacheCredentials } = require('eslint-plugin-aws-credentials/runtime');
const { fromTemporaryCredentials } = require('@aws-sdk/credential-providers');

const sts = new STSClient({ region: 'us-east-1' });

const assumedRoleCredentials = cacheCredentials(fromTemporaryCredentials({ params: { RoleArn: 'arn:aws:iam::111111111111:role/reader', RoleSessionName: 'reader' }, clientConfig: { region: 'us-east-1' } }));

exports.handler = async () => {
  const s3 = new S3Client({
    credentials: assumedRoleCredentials,
  });
  return s3.config.region();
};
