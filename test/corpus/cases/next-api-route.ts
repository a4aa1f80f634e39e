/* eslint-disable */
// @ts-nocheck
// Next.js pages API route and app-router route handlers.
import type { NextApiRequest, NextApiResponse } from 'next';
import { S3Client, PutObjectCommand } from '@aws-sdk/client-s3';
import { BedrockRuntimeClient, InvokeModelCommand } from '@aws-sdk/client-bedrock-runtime';
import { fromIni } from '@aws-sdk/credential-providers';

const bedrock = new BedrockRuntimeClient({ region: 'us-east-1' }); // ok: module scope

export default async function handler(req: NextApiRequest, res: NextApiResponse) {
  const s3 = new S3Client({ region: process.env.AWS_REGION }); // expect: no-per-request-client
  await s3.send(new PutObjectCommand({ Bucket: 'uploads', Key: req.query.name as string, Body: req.body }));
  res.status(201).end();
}

export async function POST(request: Request) {
  const { prompt } = await request.json();
  const output = await bedrock.send(new InvokeModelCommand({ modelId: 'anthropic.claude-3-haiku', body: JSON.stringify({ prompt }) }));
  return Response.json(output);
}

export async function GET() {
  const client = new BedrockRuntimeClient({ credentials: fromIni({ profile: 'bedrock' }) }); // expect: no-per-request-credential-provider
  return Response.json(await client.config.region());
}
