/* eslint-disable */
// @ts-nocheck
// Hand-written caches: a Map get-miss-set per role, and the runtime's sharedCredentials.
import { S3Client } from '@aws-sdk/client-s3';
import { fromTemporaryCredentials } from '@aws-sdk/credential-providers';
import { sharedCredentials, cacheCredentials } from 'eslint-plugin-aws-credentials/runtime';

const providers = new Map<string, ReturnType<typeof fromTemporaryCredentials>>();
const clients = new Map<string, S3Client>();

export function credentialsFor(roleArn: string) {
  let provider = providers.get(roleArn);
  if (!provider) {
    provider = fromTemporaryCredentials({ params: { RoleArn: roleArn } }); // ok: Map get-miss-set
    providers.set(roleArn, provider);
  }
  return provider;
}

export function clientFor(roleArn: string) {
  if (!clients.has(roleArn)) {
    clients.set(roleArn, new S3Client({ credentials: credentialsFor(roleArn) })); // ok: Map has-miss-set
  }
  return clients.get(roleArn);
}

export function sharedFor(roleArn: string) {
  return sharedCredentials(roleArn, () => fromTemporaryCredentials({ params: { RoleArn: roleArn } })); // ok: sharedCredentials factory
}

export const base = cacheCredentials(fromTemporaryCredentials({ params: { RoleArn: process.env.BASE_ROLE } })); // ok: module scope

export async function handler(event) {
  const s3 = new S3Client({ credentials: sharedFor(event.roleArn) }); // ok: shared cached provider
  const admin = new S3Client({ credentials: base }); // ok: cacheCredentials provider is shared
  return [s3, admin];
}
