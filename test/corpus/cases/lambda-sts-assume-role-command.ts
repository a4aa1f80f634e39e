/* eslint-disable */
// @ts-nocheck
// A hand-written AssumeRole per event, its result turned into static credentials.
import { STSClient, AssumeRoleCommand, GetCallerIdentityCommand } from '@aws-sdk/client-sts';
import { SecretsManagerClient, GetSecretValueCommand } from '@aws-sdk/client-secrets-manager';

const sts = new STSClient({ region: 'us-east-1' }); // ok: module scope

export async function handler(event) {
  const { Credentials } = await sts.send(new AssumeRoleCommand({ RoleArn: event.roleArn, RoleSessionName: 'secrets' })); // expect: no-per-request-sts-call
  const secrets = new SecretsManagerClient({ // ok: static credentials from the STS call, reported there
    region: 'us-east-1',
    credentials: {
      accessKeyId: Credentials.AccessKeyId,
      secretAccessKey: Credentials.SecretAccessKey,
      sessionToken: Credentials.SessionToken,
    },
  });
  const value = await secrets.send(new GetSecretValueCommand({ SecretId: event.secretId }));
  const who = await sts.send(new GetCallerIdentityCommand({})); // ok: GetCallerIdentity is not a credential source
  return { arn: who.Arn, length: value.SecretString?.length };
}
