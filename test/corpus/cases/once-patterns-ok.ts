/* eslint-disable */
// @ts-nocheck
// Code that runs once per process although it sits inside a function or a class.
import { S3Client } from '@aws-sdk/client-s3';
import { SNSClient } from '@aws-sdk/client-sns';
import { fromTemporaryCredentials, fromContainerMetadata } from '@aws-sdk/credential-providers';

export const clients = (() => {
  const s3 = new S3Client({ credentials: fromContainerMetadata() }); // ok: module-scope IIFE
  return { s3 };
})();

export class Registry {
  static sns: SNSClient;
  static {
    Registry.sns = new SNSClient({ credentials: fromTemporaryCredentials({ params: { RoleArn: process.env.SNS_ROLE } }) }); // ok: static block
  }
}

class Uploader {
  readonly s3 = new S3Client({}); // ok: class instantiated once at module scope
}
export const uploader = new Uploader();

async function bootstrap() {
  const s3 = new S3Client({ credentials: fromTemporaryCredentials({ params: { RoleArn: process.env.BOOT_ROLE } }) }); // ok: bootstrap() called once
  return s3;
}
await bootstrap();
