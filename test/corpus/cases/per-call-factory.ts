/* eslint-disable */
// @ts-nocheck
// Per-call factories: helpers that build a client for each caller.
import { S3 } from '@aws-sdk/client-s3';
import { SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { fromTemporaryCredentials, fromIni } from '@aws-sdk/credential-providers';

export function getSession(roleArn: string): S3 {
  return new S3({
    credentials: fromTemporaryCredentials({ params: { RoleArn: roleArn, RoleSessionName: 'Calendar-Setup-Role' } }), // ok: exported factory with no caller here: judged where it is called
  });
}

export function loadExecutionConfig(config: { roleArn: string; externalId: string }) {
  return {
    credentials: fromTemporaryCredentials({ // ok: exported factory with no caller here: judged where it is called
      params: { RoleArn: config.roleArn, ExternalId: config.externalId, RoleSessionName: `integration-${Date.now()}` },
    }),
  };
}

export const awsClientConfig = (stage: string, roleArn?: string) => ({
  region: 'eu-west-1',
  ...(stage === 'DEV' && { credentials: fromIni({ profile: 'deployTools' }) }), // ok: exported factory with no caller here: judged where it is called
  ...(stage !== 'DEV' && roleArn && { credentials: fromTemporaryCredentials({ params: { RoleArn: roleArn } }) }), // ok: exported factory with no caller here: judged where it is called
});

export function secretsClient() {
  return new SecretsManagerClient({ region: 'eu-west-1' }); // ok: exported factory with no caller here: judged where it is called
}
