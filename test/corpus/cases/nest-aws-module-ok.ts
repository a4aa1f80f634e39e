/* eslint-disable */
// @ts-nocheck
// NestJS module with factory providers: the container calls each factory once.
import { Module } from '@nestjs/common';
import { SQSClient } from '@aws-sdk/client-sqs';
import { SNSClient } from '@aws-sdk/client-sns';
import { fromNodeProviderChain, fromTemporaryCredentials } from '@aws-sdk/credential-providers';

export const SQS = Symbol('SQS');
export const SNS = Symbol('SNS');

@Module({
  providers: [
    {
      provide: SQS,
      useFactory: () => new SQSClient({ credentials: fromNodeProviderChain() }), // ok: Nest factory provider, run once
    },
    {
      provide: SNS,
      useFactory: () =>
        new SNSClient({ // ok: Nest factory provider, run once
          credentials: fromTemporaryCredentials({ params: { RoleArn: process.env.SNS_ROLE_ARN } }), // ok: Nest factory provider, run once
        }),
    },
  ],
  exports: [SQS, SNS],
})
export class AwsModule {}
