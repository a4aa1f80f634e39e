/* eslint-disable */
// @ts-nocheck
// Fastify routes reading from DynamoDB with the document client.
import Fastify from 'fastify';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { fromIni } from '@aws-sdk/credential-providers';

const fastify = Fastify({ logger: true });
const baseClient = new DynamoDBClient({}); // ok: module scope
const documents = DynamoDBDocumentClient.from(baseClient); // ok: module scope

fastify.get('/orders/:customer', async (request) => {
  const result = await documents.send(new QueryCommand({ TableName: 'orders', KeyConditionExpression: 'pk = :c', ExpressionAttributeValues: { ':c': request.params.customer } }));
  return result.Items;
});

fastify.get('/reports/:profile', async (request) => {
  const client = DynamoDBDocumentClient.from(
    new DynamoDBClient({ credentials: fromIni({ profile: request.params.profile }) }), // expect: no-per-request-credential-provider
  );
  return (await client.send(new QueryCommand({ TableName: 'reports' }))).Items;
});

fastify.get('/audit', async () => {
  const client = new DynamoDBClient({ region: 'us-east-1' }); // expect: no-per-request-client
  return client.config.region();
});

await fastify.listen({ port: 3000 });
