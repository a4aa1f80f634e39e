'use strict';
const { S3Client } = require('@aws-sdk/client-s3');
const { fromTemporaryCredentials } = require('@aws-sdk/credential-providers');

exports.handler = async function handler(event) {
  const s3 = new S3Client({
    credentials: fromTemporaryCredentials({ params: { RoleArn: process.env.ROLE_ARN } }),
  });
  return s3.config.region();
};
