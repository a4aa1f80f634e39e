import { DynamoDBClient as Dynamo } from '@aws-sdk/client-dynamodb';

const dynamoDBClient = new Dynamo({});

export async function getItem(table: string) {
  const client = dynamoDBClient;
  return { table, region: await client.config.region() };
}

export const handler = async (event: { table: string }) => getItem(event.table);
