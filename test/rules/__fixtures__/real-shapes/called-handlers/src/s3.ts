import { S3Client, type S3ClientConfig } from '@aws-sdk/client-s3';

export interface Storage {
  region: string;
  accessKeyId?: string;
  secretAccessKey?: string;
}

function buildConfig(storage: Storage): S3ClientConfig {
  const config: S3ClientConfig = { region: storage.region };
  if (storage.accessKeyId && storage.secretAccessKey) {
    config.credentials = { accessKeyId: storage.accessKeyId, secretAccessKey: storage.secretAccessKey };
  }
  return config;
}

export function createS3(storage: Storage): S3Client {
  return new S3Client(buildConfig(storage));
}
