import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, GetCommand } from '@aws-sdk/lib-dynamodb';
import { fromIni } from '@aws-sdk/credential-providers';
import { cacheCredentials } from 'eslint-plugin-aws-credentials/runtime';

const iniCredentials = cacheCredentials(fromIni({ profile: 'app' }));

export const handler = async (event: { id: string }) => {
  const documents = DynamoDBDocumentClient.from(new DynamoDBClient({ credentials: iniCredentials }));
  return documents.send(new GetCommand({ TableName: 'items', Key: { id: event.id } }));
};
