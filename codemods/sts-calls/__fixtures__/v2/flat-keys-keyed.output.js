const AWS = require('aws-sdk');
const { sharedCredentials, toV2Credentials } = require('eslint-plugin-aws-credentials/runtime');

const sts = new AWS.STS({ region: 'eu-west-1', endpoint: process.env.STS_ENDPOINT });

async function reportFor(event) {
  const assumedRoleCredentials = toV2Credentials(sharedCredentials({ source: 'AssumeRole', RoleArn: event.roleArn, RoleSessionName: 'reports', ExternalId: event.externalId, DurationSeconds: 900, client: { region: 'eu-west-1', endpoint: process.env.STS_ENDPOINT } }, () => async () => {
    const data = await sts.assumeRole({ RoleArn: event.roleArn, RoleSessionName: 'reports', ExternalId: event.externalId, DurationSeconds: 900 }).promise();
    return { accessKeyId: data.Credentials.AccessKeyId, secretAccessKey: data.Credentials.SecretAccessKey, sessionToken: data.Credentials.SessionToken, expiration: data.Credentials.Expiration };
  }));
  const s3 = new AWS.S3({
    region: 'eu-west-1',
    credentials: assumedRoleCredentials,
    signatureVersion: 'v4',
  });
  return s3.getObject({ Bucket: event.bucket, Key: 'report.csv' }).promise();
}

exports.handler = async (event) => reportFor(event);
