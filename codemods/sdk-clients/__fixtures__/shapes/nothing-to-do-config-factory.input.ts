import { S3Client } from '@aws-sdk/client-s3';

function buildConfig() {
  return { region: process.env.AWS_REGION, requestHandler: { requestTimeout: Math.random() * 1000 } };
}

export const handler = async () => {
  const s3 = new S3Client(buildConfig());
  return s3.config.region();
};
