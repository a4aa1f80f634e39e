const { DynamoDBClient } = require('@aws-sdk/client-dynamodb');
const { fromContainerMetadata } = require('@aws-sdk/credential-providers');

const createClient = () => new DynamoDBClient({ region: process.env.DB_REGION, credentials: fromContainerMetadata() });

module.exports = { createClient };
