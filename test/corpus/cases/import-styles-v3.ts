/* eslint-disable */
// @ts-nocheck
// Every way code reaches the SDK v3 credential providers, inside one request handler.
import { fromTemporaryCredentials as assumeRole } from '@aws-sdk/credential-providers';
import * as providers from '@aws-sdk/credential-providers';
import credentialProviderNode from '@aws-sdk/credential-provider-node';
import { fromInstanceMetadata } from '@aws-sdk/credential-provider-imds';
import { fromWebToken } from '@aws-sdk/credential-provider-web-identity';
import ini = require('@aws-sdk/credential-provider-ini');

export async function handler(event) {
  const a = assumeRole({ params: { RoleArn: event.roleArn } }); // expect: no-per-request-credential-provider
  const b = providers.fromContainerMetadata(); // expect: no-per-request-credential-provider
  const c = credentialProviderNode.defaultProvider(); // expect: no-per-request-credential-provider
  const d = fromInstanceMetadata({ maxRetries: 3 }); // expect: no-per-request-credential-provider
  const e = fromWebToken({ roleArn: event.roleArn, webIdentityToken: event.token }); // expect: no-per-request-credential-provider
  const f = ini.fromIni({ profile: event.profile }); // expect: no-per-request-credential-provider
  const { fromProcess } = await import('@aws-sdk/credential-providers');
  const g = fromProcess({ profile: 'helper' }); // expect: no-per-request-credential-provider
  return [a, b, c, d, e, f, g];
}

function fromIni(options: { profile: string }) {
  return { profile: options.profile };
}

export function localHelper(event) {
  return fromIni({ profile: event.profile }); // ok: a local function named fromIni
}
