/* eslint-disable */
// SDK v2 inventory script run from cron: a loop over accounts and regions.
const AWS = require('aws-sdk');
const STS = require('aws-sdk/clients/sts');

const sts = new STS(); // ok: module scope

async function inventory(accounts, regions) {
  const results = [];
  for (const account of accounts) {
    const credentials = new AWS.TemporaryCredentials({ RoleArn: `arn:aws:iam::${account}:role/inventory` }); // expect: no-per-request-credential-provider
    for (const region of regions) {
      const ec2 = new AWS.EC2({ region, credentials }); // ok: v2 client, credentials reported above
      results.push(await ec2.describeInstances().promise());
    }
  }
  return results;
}

async function inventoryWithAssumeRole(accounts) {
  for (const account of accounts) {
    const data = await sts.assumeRole({ RoleArn: `arn:aws:iam::${account}:role/inventory`, RoleSessionName: 'inv' }).promise(); // expect: no-per-request-sts-call
    const s3 = new AWS.S3({ accessKeyId: data.Credentials.AccessKeyId, secretAccessKey: data.Credentials.SecretAccessKey, sessionToken: data.Credentials.SessionToken }); // ok: static credentials
    await s3.listBuckets().promise();
  }
}

module.exports = { inventory, inventoryWithAssumeRole };
