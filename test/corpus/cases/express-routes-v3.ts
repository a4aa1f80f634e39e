/* eslint-disable */
// @ts-nocheck
// Express API: per-organisation roles, a presigned upload and a health check.
import express from 'express';
import { S3Client, PutObjectCommand } from '@aws-sdk/client-s3';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import { fromTemporaryCredentials, fromNodeProviderChain } from '@aws-sdk/credential-providers';
import { sharedCredentials } from 'eslint-plugin-aws-credentials/runtime';

const app = express();
const router = express.Router();
const chain = fromNodeProviderChain(); // ok: module scope
const uploads = new S3Client({ region: 'eu-central-1' }); // ok: module scope

app.get('/orgs/:org/files', async (req, res) => {
  const s3 = new S3Client({
    region: 'eu-central-1',
    credentials: fromTemporaryCredentials({ // expect: no-per-request-credential-provider
      params: { RoleArn: `arn:aws:iam::${req.params.org}:role/files`, RoleSessionName: 'api' },
    }),
  });
  res.json(await s3.send(new PutObjectCommand({ Bucket: 'files', Key: req.query.key, Body: '' })));
});

app.post('/uploads', async (req, res) => {
  const url = await getSignedUrl(uploads, new PutObjectCommand({ Bucket: 'uploads', Key: req.body.name }), { expiresIn: 300 });
  res.json({ url });
});

router.get('/orgs/:org/shared', async (req, res) => {
  const roleArn = `arn:aws:iam::${req.params.org}:role/files`;
  const credentials = sharedCredentials({ roleArn }, () => fromTemporaryCredentials({ params: { RoleArn: roleArn } })); // ok: sharedCredentials factory
  const s3 = new S3Client({ credentials }); // ok: shared cached provider
  res.json(await s3.send(new PutObjectCommand({ Bucket: 'files', Key: 'x', Body: '' })));
});

router.get('/chain', async (_req, res) => {
  const s3 = new S3Client({ credentials: chain }); // ok: fromNodeProviderChain caches by itself
  res.json(await s3.config.region());
});

router.get('/health', async (_req, res) => {
  const s3 = new S3Client({ region: 'eu-central-1' }); // expect: no-per-request-client
  res.json({ ok: Boolean(s3) });
});

app.use('/v2', router);
app.listen(3000);
