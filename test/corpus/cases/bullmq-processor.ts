/* eslint-disable */
// @ts-nocheck
// A BullMQ worker: the processor runs per job.
import { Worker } from 'bullmq';
import { SESv2Client, SendEmailCommand } from '@aws-sdk/client-sesv2';
import { STSClient, AssumeRoleCommand } from '@aws-sdk/client-sts';
import { fromTemporaryCredentials } from '@aws-sdk/credential-providers';

const sts = new STSClient({}); // ok: module scope
const ses = new SESv2Client({}); // ok: module scope

export const worker = new Worker('emails', async (job) => {
  if (job.data.tenantRoleArn) {
    const assumed = await sts.send(new AssumeRoleCommand({ RoleArn: job.data.tenantRoleArn, RoleSessionName: `email-${job.id}` })); // expect: no-per-request-sts-call
    const tenantSes = new SESv2Client({ credentials: { accessKeyId: assumed.Credentials.AccessKeyId, secretAccessKey: assumed.Credentials.SecretAccessKey, sessionToken: assumed.Credentials.SessionToken } }); // ok: static credentials
    return tenantSes.send(new SendEmailCommand(job.data.email));
  }
  return ses.send(new SendEmailCommand(job.data.email));
});

export const bounceWorker = new Worker('bounces', async (job) => {
  const client = new SESv2Client({ credentials: fromTemporaryCredentials({ params: { RoleArn: process.env.BOUNCE_ROLE } }) }); // expect: no-per-request-credential-provider
  return client.send(new SendEmailCommand(job.data));
});
