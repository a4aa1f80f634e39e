import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, GetCommand } from '@aws-sdk/lib-dynamodb';
import { fromIni } from '@aws-sdk/credential-providers';

export const handler = async (event: { id: string }) => {
  const documents = DynamoDBDocumentClient.from(new DynamoDBClient({ credentials: fromIni({ profile: 'app' }) }));
  return documents.send(new GetCommand({ TableName: 'items', Key: { id: event.id } }));
};
