/* eslint-disable */
// ECS service that uploads files: a client per upload runs the default chain (container endpoint) each time.
const express = require('express');
const { S3Client, PutObjectCommand } = require('@aws-sdk/client-s3');
const { fromContainerMetadata } = require('@aws-sdk/credential-providers');
const crypto = require('node:crypto');

const app = express();
const containerCredentials = fromContainerMetadata({ timeout: 1000, maxRetries: 2 }); // ok: module scope

async function putFile(body) {
  const s3 = new S3Client({ region: 'us-east-1' }); // expect: no-per-request-client
  const key = `uploads/${crypto.randomUUID()}`;
  await s3.send(new PutObjectCommand({ Bucket: 'example', Key: key, Body: body }));
  return key;
}

app.post('/files', async (req, res) => {
  res.json({ key: await putFile(req.body) });
});

app.post('/files/container', async (req, res) => {
  const s3 = new S3Client({ credentials: containerCredentials }); // expect: no-per-request-client
  await s3.send(new PutObjectCommand({ Bucket: 'example', Key: 'c', Body: req.body }));
  res.sendStatus(201);
});

app.listen(8080);
