import { fromTemporaryCredentials } from '@aws-sdk/credential-providers';
import { S3Client } from '@aws-sdk/client-s3';
import { cacheCredentials } from 'eslint-plugin-aws-credentials/runtime';

const temporaryCredentials = cacheCredentials(fromTemporaryCredentials({ params: { RoleArn: 'arn:aws:iam::111111111111:role/reports', RoleSessionName: 'api' } }));

declare const app: { get(path: string, handler: (req: unknown, res: { json(body: unknown): void }) => Promise<void>): void };

app.get('/reports', async (_req, res) => {
  const s3 = new S3Client({
    credentials: temporaryCredentials,
  });
  res.json(await s3.config.region());
});
