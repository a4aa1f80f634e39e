/* eslint-disable */
// Organisation helper: assumes OrganizationAccountAccessRole in a member account per call.
const AWS = require('aws-sdk');

const getCredentialsForAccount = async (accountId) => {
  if (accountId === process.env.MASTER_ACCOUNT_ID) {
    return {
      accessKeyId: process.env.AWS_ACCESS_KEY_ID,
      secretAccessKey: process.env.AWS_SECRET_ACCESS_KEY,
      sessionToken: process.env.AWS_SESSION_TOKEN,
    };
  }
  const sts = new AWS.STS({ apiVersion: '2011-06-15' }); // ok: v2 client without credentials
  const params = { RoleArn: `arn:aws:iam::${accountId}:role/OrganizationAccountAccessRole`, RoleSessionName: 'AWSOrgSession' };
  const result = await sts.assumeRole(params).promise(); // expect: no-per-request-sts-call
  return {
    accessKeyId: result.Credentials.AccessKeyId,
    secretAccessKey: result.Credentials.SecretAccessKey,
    sessionToken: result.Credentials.SessionToken,
  };
};

module.exports.handler = async (event) => {
  const credentials = await getCredentialsForAccount(event.accountId);
  const ec2 = new AWS.EC2({ credentials, region: event.region }); // ok: static credentials, the STS call is reported
  return ec2.describeInstances().promise();
};
