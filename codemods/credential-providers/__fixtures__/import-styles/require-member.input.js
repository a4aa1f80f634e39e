const S3Client = require('@aws-sdk/client-s3').S3Client;
const fromContainerMetadata = require('@aws-sdk/credential-providers').fromContainerMetadata;

module.exports.upload = async (request) => {
  const s3 = new S3Client({ credentials: fromContainerMetadata({ timeout: 1000, maxRetries: 2 }) });
  return s3.config.region();
};
