// An S3 uploader on ECS that creates a client per upload: every client runs the default
// credential chain and calls the ECS container credentials endpoint, which rate-limits
// (40 requests/s, burst 60) and then answers 429: "unable to sign request without credentials set".
import { randomUUID } from 'node:crypto';
import { createServer } from 'node:http';
import { PutObjectCommand, S3Client } from '@aws-sdk/client-s3';

export async function upload(body) {
  const s3 = new S3Client({ region: 'us-east-1', forcePathStyle: true });
  const key = `uploads/${randomUUID()}`;
  await s3.send(new PutObjectCommand({ Bucket: 'example', Key: key, Body: body }));
  return key;
}

/** The service: one upload per POST. */
export function serve(port) {
  return createServer(async (request, response) => {
    const chunks = [];
    for await (const chunk of request) chunks.push(chunk);
    response.end(await upload(Buffer.concat(chunks)));
  }).listen(port);
}
