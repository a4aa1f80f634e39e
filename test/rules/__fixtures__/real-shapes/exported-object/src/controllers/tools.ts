import { findCredentials } from '../utils/credentials';

export async function handleListBuckets(request: { profile?: string }) {
  const credentials = await findCredentials(request.profile);
  return { signedIn: credentials !== undefined };
}
