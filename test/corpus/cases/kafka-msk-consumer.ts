/* eslint-disable */
// @ts-nocheck
// KafkaJS with MSK IAM: oauthBearerProvider runs on every connection and re-authentication.
import { Kafka } from 'kafkajs';
import { generateAuthTokenFromRole, generateAuthToken, generateAuthTokenFromCredentialsProvider } from 'aws-msk-iam-sasl-signer-js';
import { fromNodeProviderChain } from '@aws-sdk/credential-providers';
import { cacheCredentials } from 'eslint-plugin-aws-credentials/runtime';

const region = process.env.AWS_REGION ?? 'us-east-1';
const mskCredentials = cacheCredentials(fromNodeProviderChain()); // ok: module scope

export const ordersConsumer = new Kafka({
  clientId: 'orders',
  brokers: process.env.BROKERS.split(','),
  ssl: true,
  sasl: {
    mechanism: 'oauthbearer',
    oauthBearerProvider: async () => {
      const token = await generateAuthTokenFromRole({ region, awsRoleArn: process.env.MSK_ROLE_ARN, awsRoleSessionName: 'orders' }); // expect: no-per-request-credential-provider
      return { value: token.token };
    },
  },
}).consumer({ groupId: 'orders' });

export const auditProducer = new Kafka({
  clientId: 'audit',
  brokers: process.env.BROKERS.split(','),
  ssl: true,
  sasl: {
    mechanism: 'oauthbearer',
    oauthBearerProvider: async () => {
      const { token } = await generateAuthToken({ region }); // expect: no-per-request-credential-provider
      return { value: token };
    },
  },
}).producer();

export const metricsProducer = new Kafka({
  clientId: 'metrics',
  brokers: process.env.BROKERS.split(','),
  ssl: true,
  sasl: {
    mechanism: 'oauthbearer',
    oauthBearerProvider: async () => {
      const { token } = await generateAuthTokenFromCredentialsProvider({ region, awsCredentialsProvider: mskCredentials }); // ok: shared cached provider
      return { value: token };
    },
  },
}).producer();
