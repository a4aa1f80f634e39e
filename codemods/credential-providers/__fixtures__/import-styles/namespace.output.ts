import * as providers from '@aws-sdk/credential-providers';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { cacheCredentials } from 'eslint-plugin-aws-credentials/runtime';

const iniCredentials = cacheCredentials(providers.fromIni({ profile: 'reporting' }));

export const handler = async () => {
  const client = new DynamoDBClient({ credentials: iniCredentials });
  return client.config.region();
};
