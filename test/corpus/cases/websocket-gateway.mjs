/* eslint-disable */
// API Gateway WebSocket handlers posting back to connections.
import { ApiGatewayManagementApiClient, PostToConnectionCommand } from '@aws-sdk/client-apigatewaymanagementapi';
import { fromEnv } from '@aws-sdk/credential-providers';

const management = new ApiGatewayManagementApiClient({ endpoint: process.env.WS_ENDPOINT }); // ok: module scope

export const onMessage = async (event) => {
  const { domainName, stage } = event.requestContext;
  const client = new ApiGatewayManagementApiClient({ endpoint: `https://${domainName}/${stage}` }); // ok: Lambda handler without credentials: the strict-only shape
  await client.send(new PostToConnectionCommand({ ConnectionId: event.requestContext.connectionId, Data: event.body }));
  return { statusCode: 200 };
};

export const onConnect = async () => {
  await management.send(new PostToConnectionCommand({ ConnectionId: 'x', Data: 'hi' }));
  return { statusCode: 200 };
};

export const onEnv = async () => {
  const client = new ApiGatewayManagementApiClient({ credentials: fromEnv() }); // ok: fromEnv reads environment variables, no network call
  return { statusCode: Boolean(client) ? 200 : 500 };
};
