const AWS = require('aws-sdk');

async function credentialsFor(accountId) {
  const sts = new AWS.STS();
  const result = await sts.assumeRole({ RoleArn: `arn:aws:iam::${accountId}:role/OrganizationAccountAccessRole`, RoleSessionName: 'org' }).promise();
  return result.Credentials;
}

async function handler(event) {
  return credentialsFor(event.accountId);
}

module.exports = { credentialsFor, handler };
