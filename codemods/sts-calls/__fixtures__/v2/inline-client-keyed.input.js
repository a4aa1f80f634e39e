// Per-account audit: one AssumeRole per event through a client built inline.
const AWS = require('aws-sdk');

exports.handler = async (event) => {
  const { Credentials } = await new AWS.STS().assumeRole({
    RoleArn: `arn:aws:iam::${event.accountId}:role/auditor`, // the audited account
    RoleSessionName: 'audit',
  }).promise();
  const iam = new AWS.IAM({
    credentials: new AWS.Credentials(Credentials.AccessKeyId, Credentials.SecretAccessKey, Credentials.SessionToken),
  });
  return iam.listRoles().promise();
};
