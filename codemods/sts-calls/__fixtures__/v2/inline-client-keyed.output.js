// Per-account audit: one AssumeRole per event through a client built inline.
const AWS = require('aws-sdk');
const { sharedCredentials, toV2Credentials } = require('eslint-plugin-aws-credentials/runtime');

exports.handler = async (event) => {
  const assumedRoleCredentials = toV2Credentials(sharedCredentials({ source: 'AssumeRole', RoleArn: `arn:aws:iam::${event.accountId}:role/auditor`, RoleSessionName: 'audit' }, () => async () => {
    const { Credentials } = await new AWS.STS().assumeRole({
      RoleArn: `arn:aws:iam::${event.accountId}:role/auditor`, // the audited account
      RoleSessionName: 'audit',
    }).promise();
    return { accessKeyId: Credentials.AccessKeyId, secretAccessKey: Credentials.SecretAccessKey, sessionToken: Credentials.SessionToken, expiration: Credentials.Expiration };
  }));
  const iam = new AWS.IAM({
    credentials: assumedRoleCredentials,
  });
  return iam.listRoles().promise();
};
