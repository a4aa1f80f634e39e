import * as providers from '@aws-sdk/credential-providers';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';

export const handler = async () => {
  const client = new DynamoDBClient({ credentials: providers.fromIni({ profile: 'reporting' }) });
  return client.config.region();
};
