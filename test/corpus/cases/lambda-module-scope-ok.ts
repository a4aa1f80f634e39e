/* eslint-disable */
// @ts-nocheck
// The recommended Lambda layout: clients and providers at module scope, reused across invocations.
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, GetCommand } from '@aws-sdk/lib-dynamodb';
import { SFNClient, StartExecutionCommand } from '@aws-sdk/client-sfn';
import { fromTemporaryCredentials } from '@aws-sdk/credential-providers';

const ddb = DynamoDBDocumentClient.from(new DynamoDBClient({ region: process.env.AWS_REGION })); // ok: module scope
const sfn = new SFNClient({ // ok: module scope
  region: 'us-east-1',
  credentials: fromTemporaryCredentials({ params: { RoleArn: process.env.SFN_ROLE_ARN } }), // ok: module scope
  maxAttempts: 2,
});

export const handler = async (event) => {
  const item = await ddb.send(new GetCommand({ TableName: process.env.TABLE, Key: { pk: event.id } }));
  await sfn.send(new StartExecutionCommand({ stateMachineArn: process.env.SM_ARN, input: JSON.stringify(item.Item) }));
  return { ok: true };
};
