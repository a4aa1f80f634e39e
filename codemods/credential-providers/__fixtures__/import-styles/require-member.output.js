const { cacheCredentials } = require('eslint-plugin-aws-credentials/runtime');

const S3Client = require('@aws-sdk/client-s3').S3Client;
const fromContainerMetadata = require('@aws-sdk/credential-providers').fromContainerMetadata;

const containerMetadataCredentials = cacheCredentials(fromContainerMetadata({ timeout: 1000, maxRetries: 2 }));

module.exports.upload = async (request) => {
  const s3 = new S3Client({ credentials: containerMetadataCredentials });
  return s3.config.region();
};
