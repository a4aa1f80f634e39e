// An SDK v2 handler that assumes the tenant's role by hand on every request and signs with it.
const AWS = require('aws-sdk');

const sts = new AWS.STS({ region: 'us-east-1', endpoint: process.env.AWS_ENDPOINT_URL });

exports.handler = async (event) => {
  const { Credentials } = await sts.assumeRole({ RoleArn: event.roleArn, RoleSessionName: 'v2-tenant' }).promise();
  const tenant = new AWS.STS({
    region: 'us-east-1',
    endpoint: process.env.AWS_ENDPOINT_URL,
    accessKeyId: Credentials.AccessKeyId,
    secretAccessKey: Credentials.SecretAccessKey,
    sessionToken: Credentials.SessionToken,
  });
  const identity = await tenant.getCallerIdentity({}).promise();
  return identity.Arn;
};
