/* eslint-disable */
// DynamoDB stream replicator: credentials per target account, memoized with the team's memoizer.
const AWS = require('aws-sdk');
const memoize = require('lodash.memoize');

const functionName = process.env.AWS_LAMBDA_FUNCTION_NAME;

const getCredentialsForAccount = memoize((accountId) => {
  const sts = new AWS.STS(); // ok: memoized, and a v2 client
  const params = { RoleArn: `arn:aws:iam::${accountId}:role/replicator`, RoleSessionName: functionName, DurationSeconds: 900 };
  return sts.assumeRole(params).promise().then(({ Credentials }) => ({ // ok: inside a configured memoizer
    credentials: new AWS.Credentials({ // ok: static credentials object, no fetch
      accessKeyId: Credentials.AccessKeyId,
      secretAccessKey: Credentials.SecretAccessKey,
      sessionToken: Credentials.SessionToken,
    }),
  }));
});

module.exports.handler = async (event) => {
  for (const record of event.Records) {
    const options = await getCredentialsForAccount(record.eventSourceARN.split(':')[4]);
    const ddb = new AWS.DynamoDB(options); // ok: v2 client
    await ddb.putItem({ TableName: 'replica', Item: record.dynamodb.NewImage }).promise();
  }
};
