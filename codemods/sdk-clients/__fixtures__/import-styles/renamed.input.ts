import { DynamoDBClient as Dynamo } from '@aws-sdk/client-dynamodb';

export async function getItem(table: string) {
  const client = new Dynamo({});
  return { table, region: await client.config.region() };
}

export const handler = async (event: { table: string }) => getItem(event.table);
