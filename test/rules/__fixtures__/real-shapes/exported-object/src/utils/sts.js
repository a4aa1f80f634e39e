// Members assigned one by one to an object that the module exports whole.
const { STSClient, AssumeRoleCommand } = require('@aws-sdk/client-sts');

const sts = new STSClient({});
const helpers = {};

helpers.assumeCustomerRole = async (roleArn, externalId) => {
  const { Credentials } = await sts.send(new AssumeRoleCommand({ RoleArn: roleArn, ExternalId: externalId, RoleSessionName: 'app' }));
  return Credentials;
};

module.exports = helpers;
