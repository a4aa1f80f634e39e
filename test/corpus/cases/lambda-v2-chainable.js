/* eslint-disable */
// SDK v2 Lambda (CommonJS): a role-scoped S3 client built per API Gateway event.
const AWS = require('aws-sdk');

const dynamo = new AWS.DynamoDB.DocumentClient(); // ok: module scope

const makeS3WithRole = (roleArn) => {
  const credentials = new AWS.ChainableTemporaryCredentials({ params: { RoleArn: roleArn } }); // expect: no-per-request-credential-provider
  credentials.expiryWindow = 15 * 60;
  return new AWS.S3({ credentials, signatureVersion: 'v4' }); // ok: v2 client with the credentials reported above
};

module.exports.handler = async (event) => {
  const roleNum = event.pathParameters.role;
  const s3 = makeS3WithRole(roleNum === '1' ? process.env.ROLE_1 : process.env.ROLE_2);
  const ddb = new AWS.DynamoDB(); // ok: v2 client without credentials reuses the global credentials
  const url = await s3.getSignedUrlPromise('getObject', { Bucket: process.env.BUCKET, Key: 'cat.jpg' });
  await dynamo.put({ TableName: 'hits', Item: { url } }).promise();
  return { statusCode: 307, headers: { Location: url }, ddb: Boolean(ddb) };
};
