// Koa middleware that presigns downloads with role credentials per request.
import Koa from 'koa';
import Router from '@koa/router';
import * as credentialProviders from '@aws-sdk/credential-providers';
import { S3Client, GetObjectCommand } from '@aws-sdk/client-s3';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';

const app = new Koa();
const router = new Router();
const downloads = new S3Client({ // ok: module scope
  credentials: credentialProviders.fromTemporaryCredentials({ params: { RoleArn: process.env.DOWNLOAD_ROLE } }), // ok: module scope
});

router.get('/download/:key', async (ctx) => {
  ctx.body = await getSignedUrl(downloads, new GetObjectCommand({ Bucket: 'dl', Key: ctx.params.key }));
});

router.get('/partner/:partner/download/:key', async (ctx) => {
  const partnerS3 = new S3Client({
    credentials: credentialProviders.fromTemporaryCredentials({ // expect: no-per-request-credential-provider
      params: { RoleArn: ctx.state.partner.roleArn, ExternalId: ctx.state.partner.externalId },
    }),
  });
  ctx.body = await getSignedUrl(partnerS3, new GetObjectCommand({ Bucket: ctx.state.partner.bucket, Key: ctx.params.key }));
});

app.use(router.routes());
app.listen(3000);
