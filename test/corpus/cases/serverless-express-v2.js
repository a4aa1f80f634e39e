/* eslint-disable */
// serverless-http wrapping an Express app on SDK v2.
const serverless = require('serverless-http');
const express = require('express');
const AWS = require('aws-sdk');

const app = express();
const s3 = new AWS.S3(); // ok: module scope

app.get('/assets/:tenant', async (req, res) => {
  const tenantS3 = new AWS.S3({
    credentials: new AWS.TemporaryCredentials({ RoleArn: req.tenant.roleArn, RoleSessionName: 'assets' }), // expect: no-per-request-credential-provider
  });
  res.json(await tenantS3.listObjectsV2({ Bucket: req.params.tenant }).promise());
});

app.get('/public', async (_req, res) => {
  const publicS3 = new AWS.S3({ region: 'us-east-1' }); // ok: v2 client without credentials
  res.json(await publicS3.listObjectsV2({ Bucket: 'public' }).promise());
});

app.get('/cognito', async (req, res) => {
  AWS.config.credentials = new AWS.CognitoIdentityCredentials({ IdentityPoolId: process.env.POOL_ID, Logins: { idp: req.headers.authorization } }); // expect: no-frozen-credentials
  res.json(await s3.listBuckets().promise());
});

module.exports.handler = serverless(app);
