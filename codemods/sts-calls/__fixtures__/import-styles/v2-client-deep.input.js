const STS = require('aws-sdk/clients/sts');
const S3 = require('aws-sdk/clients/s3');

const sts = new STS();

exports.handler = async (event) => {
  const { Credentials } = await sts
    .assumeRole({ RoleArn: 'arn:aws:iam::111111111111:role/reader', RoleSessionName: 'reader', ExternalId: 'partner' })
    .promise();
  const s3 = new S3({
    accessKeyId: Credentials.AccessKeyId,
    secretAccessKey: Credentials.SecretAccessKey,
    sessionToken: Credentials.SessionToken,
  });
  return s3.listBuckets().promise();
};
