const AWS = require('aws-sdk');

const sts = new AWS.STS({ region: 'eu-west-1', endpoint: process.env.STS_ENDPOINT });

async function reportFor(event) {
  const data = await sts.assumeRole({ RoleArn: event.roleArn, RoleSessionName: 'reports', ExternalId: event.externalId, DurationSeconds: 900 }).promise();
  const s3 = new AWS.S3({
    region: 'eu-west-1',
    accessKeyId: data.Credentials.AccessKeyId,
    secretAccessKey: data.Credentials.SecretAccessKey,
    sessionToken: data.Credentials.SessionToken,
    signatureVersion: 'v4',
  });
  return s3.getObject({ Bucket: event.bucket, Key: 'report.csv' }).promise();
}

exports.handler = async (event) => reportFor(event);
