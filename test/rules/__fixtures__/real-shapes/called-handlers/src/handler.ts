import { handlePresign } from './routes';
import type { Storage } from './s3';

export function createUploadHandler(storage: Storage) {
  return async (req: Request): Promise<Response> => {
    if (req.method === 'POST') return await handlePresign(req, storage);
    return new Response(null, { status: 404 });
  };
}
