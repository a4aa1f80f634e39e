const AWS = require('aws-sdk');

exports.handler = async (event) => {
  const sts = new AWS.STS({ credentials: new AWS.Credentials(event.key, event.secret) });
  const { Credentials } = await sts.assumeRole({ RoleArn: event.roleArn, RoleSessionName: 'chained' }).promise();
  const s3 = new AWS.S3({ credentials: { accessKeyId: Credentials.AccessKeyId, secretAccessKey: Credentials.SecretAccessKey, sessionToken: Credentials.SessionToken } });
  return s3.listBuckets().promise();
};
