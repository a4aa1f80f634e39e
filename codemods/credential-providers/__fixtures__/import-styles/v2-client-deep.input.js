const S3 = require('aws-sdk/clients/s3');
const AWS = require('aws-sdk');

exports.handler = async (event) => {
  const s3 = new S3({
    credentials: new AWS.TemporaryCredentials({ RoleArn: 'arn:aws:iam::111111111111:role/reader' }),
  });
  return s3.listBuckets().promise();
};
