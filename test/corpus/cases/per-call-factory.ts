/* eslint-disable */
// @ts-nocheck
// Per-call factories: helpers that build a client for each caller.
import { S3 } from '@aws-sdk/client-s3';
import { SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { fromTemporaryCredentials, fromIni } from '@aws-sdk/credential-providers';

export function getSession(roleArn: string): S3 {
  return new S3({
    credentials: fromTemporaryCredentials({ params: { RoleArn: roleArn, RoleSessionName: 'Calendar-Setup-Role' } }), // expect: no-per-request-credential-provider
  });
}

export function loadExecutionConfig(config: { roleArn: string; externalId: string }) {
  return {
    credentials: fromTemporaryCredentials({ // expect: no-per-request-credential-provider
      params: { RoleArn: config.roleArn, ExternalId: config.externalId, RoleSessionName: `integration-${Date.now()}` },
    }),
  };
}

export const awsClientConfig = (stage: string, roleArn?: string) => ({
  region: 'eu-west-1',
  ...(stage === 'DEV' && { credentials: fromIni({ profile: 'deployTools' }) }), // expect: no-per-request-credential-provider
  ...(stage !== 'DEV' && roleArn && { credentials: fromTemporaryCredentials({ params: { RoleArn: roleArn } }) }), // expect: no-per-request-credential-provider
});

export function secretsClient() {
  return new SecretsManagerClient({ region: 'eu-west-1' }); // expect: no-per-request-client
}
