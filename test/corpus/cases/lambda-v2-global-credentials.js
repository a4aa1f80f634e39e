/* eslint-disable */
// A CloudFormation custom resource that switches the process-wide credentials per call.
const AWS = require('aws-sdk');

exports.handler = async (event) => {
  const call = event.ResourceProperties.Create;
  if (call.assumedRoleArn) {
    AWS.config.credentials = new AWS.ChainableTemporaryCredentials({ // expect: no-frozen-credentials
      params: { RoleArn: call.assumedRoleArn, RoleSessionName: `cr-${Date.now()}` },
    });
  }
  const service = new AWS[call.service]({ region: call.region }); // ok: v2 client, global credentials
  return service[call.action](call.parameters).promise();
};

exports.setup = () => {
  AWS.config.update({ region: process.env.AWS_REGION }); // ok: no credentials
};
