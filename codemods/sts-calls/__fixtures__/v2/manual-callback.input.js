const AWS = require('aws-sdk');

const sts = new AWS.STS();

exports.handler = (event, context, callback) => {
  sts.assumeRole({ RoleArn: event.roleArn, RoleSessionName: 'cb' }, (error, data) => {
    if (error) return callback(error);
    const s3 = new AWS.S3({ credentials: new AWS.Credentials(data.Credentials.AccessKeyId, data.Credentials.SecretAccessKey, data.Credentials.SessionToken) });
    s3.listBuckets(callback);
  });
};
