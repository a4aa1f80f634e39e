import { DynamoDBClient, ListTablesCommand } from '@aws-sdk/client-dynamodb';

export const handler = async (event: { regions: string[] }) =>
  Promise.all(
    event.regions.map(region => {
      const dynamo = new DynamoDBClient({ region });
      return dynamo.send(new ListTablesCommand({}));
    }),
  );
