import { DynamoDBClient, ListTablesCommand } from '@aws-sdk/client-dynamodb';
import { fromNodeProviderChain } from '@aws-sdk/credential-providers';
import { cacheCredentials } from 'eslint-plugin-aws-credentials/runtime';

const defaultCredentials = cacheCredentials(fromNodeProviderChain());

export const handler = async (event: { regions: string[] }) =>
  Promise.all(
    event.regions.map(region => {
      const dynamo = new DynamoDBClient({ region, credentials: defaultCredentials });
      return dynamo.send(new ListTablesCommand({}));
    }),
  );
