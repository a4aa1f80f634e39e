const AWS = require('aws-sdk');

exports.handler = async (event) => {
  AWS.config.credentials = new AWS.ChainableTemporaryCredentials({ params: { RoleArn: event.roleArn } });
  return new AWS.S3().listBuckets().promise();
};
