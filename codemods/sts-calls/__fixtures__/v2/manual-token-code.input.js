const AWS = require('aws-sdk');

const sts = new AWS.STS();

exports.handler = async (event) => {
  const { Credentials } = await sts.getSessionToken({ SerialNumber: event.mfaSerial, TokenCode: event.code }).promise();
  const s3 = new AWS.S3({ credentials: { accessKeyId: Credentials.AccessKeyId, secretAccessKey: Credentials.SecretAccessKey, sessionToken: Credentials.SessionToken } });
  return s3.listBuckets().promise();
};
