import getDynamoDbClient from '@/lib/aws/dynamodb';

export async function GET() {
  const dynamo = await getDynamoDbClient();
  return Response.json(await dynamo.config.region());
}
