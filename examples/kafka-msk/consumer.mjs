// A KafkaJS consumer with MSK IAM: oauthBearerProvider runs on every connection and every
// re-authentication, and generateAuthTokenFromRole assumes the role again each time.
import { generateAuthTokenFromRole } from 'aws-msk-iam-sasl-signer-js';

export const kafkaConfig = {
  clientId: 'orders-consumer',
  brokers: ['b-1.orders.kafka.us-east-1.amazonaws.com:9098'],
  ssl: true,
  sasl: {
    mechanism: 'oauthbearer',
    oauthBearerProvider: async () => {
      const token = await generateAuthTokenFromRole({
        region: 'us-east-1',
        awsRoleArn: 'arn:aws:iam::333333333333:role/orders-consumer',
        awsRoleSessionName: 'orders-consumer',
      });
      return { value: token.token };
    },
  },
};
