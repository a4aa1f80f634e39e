/* eslint-disable */
// @ts-nocheck
// Long-running worker that resolves its credentials once at start-up: they expire after an hour.
import { S3Client } from '@aws-sdk/client-s3';
import { KinesisClient } from '@aws-sdk/client-kinesis';
import { fromTemporaryCredentials, fromIni } from '@aws-sdk/credential-providers';
import { defaultProvider } from '@aws-sdk/credential-provider-node';

const frozen = await fromTemporaryCredentials({ params: { RoleArn: process.env.ROLE_ARN } })(); // expect: no-frozen-credentials
export const s3 = new S3Client({ credentials: frozen }); // ok: static credentials, reported where resolved

const provider = fromIni({ profile: 'worker' }); // ok: module scope
const workerCredentials = await provider(); // expect: no-frozen-credentials
export const worker = new KinesisClient({ credentials: workerCredentials }); // ok: static credentials, reported where resolved

export async function makeKinesis() {
  const credentials = await provider(); // ok: resolved again on every call, not frozen
  return new KinesisClient({ credentials }); // ok: static credentials, fresh per call
}

export const kinesis = new KinesisClient({ credentials: defaultProvider() }); // ok: provider passed, not its result
export const refreshed = new KinesisClient({ credentials: fromIni({ profile: 'worker' }) }); // ok: module scope
