/* eslint-disable */
// @ts-nocheck
// Apollo Server resolvers: each field resolver runs per query.
import { ApolloServer } from '@apollo/server';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, GetCommand } from '@aws-sdk/lib-dynamodb';
import { fromTemporaryCredentials } from '@aws-sdk/credential-providers';

const documents = DynamoDBDocumentClient.from(new DynamoDBClient({})); // ok: module scope

const resolvers = {
  Query: {
    user: async (_parent, { id }) => (await documents.send(new GetCommand({ TableName: 'users', Key: { id } }))).Item,
    tenantUser: async (_parent, { id }, context) => {
      const client = DynamoDBDocumentClient.from(
        new DynamoDBClient({ credentials: fromTemporaryCredentials({ params: { RoleArn: context.tenant.roleArn } }) }), // expect: no-per-request-credential-provider
      );
      return (await client.send(new GetCommand({ TableName: 'users', Key: { id } }))).Item;
    },
  },
  Mutation: {
    touch: async () => {
      const ddb = new DynamoDBClient({ region: 'eu-west-1' }); // expect: no-per-request-client
      return Boolean(ddb);
    },
  },
};

export const server = new ApolloServer({ typeDefs: '', resolvers });
