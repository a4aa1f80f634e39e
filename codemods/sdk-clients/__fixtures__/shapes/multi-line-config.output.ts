import { DynamoDBClient, ListTablesCommand } from '@aws-sdk/client-dynamodb';
import { fromNodeProviderChain } from '@aws-sdk/credential-providers';
import { cacheCredentials } from 'eslint-plugin-aws-credentials/runtime';

const defaultCredentials = cacheCredentials(fromNodeProviderChain());

// Configs written one property per line: `credentials` gets a line of its own, indented like the
// other properties, after the comment that ends the last line, with the config's trailing comma.
export const handler = async (event: { regions: string[] }) =>
  Promise.all(
    event.regions.map(region => {
      const dynamo = new DynamoDBClient({
        region,
        maxAttempts: 3, // retries
        credentials: defaultCredentials,
      });
      const backup = new DynamoDBClient({
        region: `${region}`, // the backup region
        credentials: defaultCredentials
      });
      const inline = new DynamoDBClient({ region, maxAttempts: 2, credentials: defaultCredentials });
      return Promise.all([dynamo, backup, inline].map(client => client.send(new ListTablesCommand({}))));
    }),
  );
