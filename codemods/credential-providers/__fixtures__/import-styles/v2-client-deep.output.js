const S3 = require('aws-sdk/clients/s3');
const AWS = require('aws-sdk');

const temporaryCredentials = new AWS.TemporaryCredentials({ RoleArn: 'arn:aws:iam::111111111111:role/reader' });

exports.handler = async (event) => {
  const s3 = new S3({
    credentials: temporaryCredentials,
  });
  return s3.listBuckets().promise();
};
