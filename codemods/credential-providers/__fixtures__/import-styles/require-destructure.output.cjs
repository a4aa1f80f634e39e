'use strict';
const { S3Client } = require('@aws-sdk/client-s3');
const { fromTemporaryCredentials } = require('@aws-sdk/credential-providers');
const { cacheCredentials } = require('eslint-plugin-aws-credentials/runtime');

const temporaryCredentials = cacheCredentials(fromTemporaryCredentials({ params: { RoleArn: process.env.ROLE_ARN } }));

exports.handler = async function handler(event) {
  const s3 = new S3Client({
    credentials: temporaryCredentials,
  });
  return s3.config.region();
};
