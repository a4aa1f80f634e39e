import { credentialsFor, cachedClient, sessionFor, Uploads, Reports } from './lib/aws.js';
import { Aws } from './lib/index.js';
import * as lib from '#lib/aws';
import { S3Client } from '@aws-sdk/client-s3';

const boot = credentialsFor(process.env.BOOT_ROLE!);
const reports = new Reports();

export const handler = async (event: { role: string; region: string }) => {
  const credentials = credentialsFor(event.role);
  const client = cachedClient(event.region);
  const session = await Aws.sessionFor(event.role);
  const uploads = new Uploads();
  const viaPaths = lib.credentialsFor(event.role);
  const s3 = reports.client(event.region);
  return { boot, credentials, client, session, uploads, viaPaths, s3, S3Client };
};
