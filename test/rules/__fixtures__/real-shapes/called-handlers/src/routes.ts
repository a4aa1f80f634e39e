import { createS3, type Storage } from './s3';

export async function handlePresign(req: Request, storage: Storage): Promise<Response> {
  const s3 = createS3(storage);
  return new Response(JSON.stringify({ url: await s3.config.region(), path: new URL(req.url).pathname }));
}
