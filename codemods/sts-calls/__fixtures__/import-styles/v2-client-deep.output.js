const STS = require('aws-sdk/clients/sts');
const S3 = require('aws-sdk/clients/s3');
const { cacheCredentials, toV2Credentials } = require('eslint-plugin-aws-credentials/runtime');

const sts = new STS();

const assumedRoleCredentials = toV2Credentials(cacheCredentials(async () => {
  const { Credentials } = await sts
    .assumeRole({ RoleArn: 'arn:aws:iam::111111111111:role/reader', RoleSessionName: 'reader', ExternalId: 'partner' })
    .promise();
  return { accessKeyId: Credentials.AccessKeyId, secretAccessKey: Credentials.SecretAccessKey, sessionToken: Credentials.SessionToken, expiration: Credentials.Expiration };
}));

exports.handler = async (event) => {
  const s3 = new S3({
    credentials: assumedRoleCredentials,
  });
  return s3.listBuckets().promise();
};
