/* eslint-disable */
// @ts-nocheck
// Signing AppSync / API Gateway requests with SignatureV4 and a provider.
import { SignatureV4 } from '@smithy/signature-v4';
import { Sha256 } from '@aws-crypto/sha256-js';
import { HttpRequest } from '@smithy/protocol-http';
import { defaultProvider } from '@aws-sdk/credential-provider-node';
import { fromContainerMetadata } from '@aws-sdk/credential-providers';

const signer = new SignatureV4({ credentials: defaultProvider(), region: 'us-east-1', service: 'appsync', sha256: Sha256 }); // ok: module scope

export async function query(body: string) {
  const request = new HttpRequest({ method: 'POST', hostname: process.env.APPSYNC_HOST, path: '/graphql', body });
  return signer.sign(request);
}

export async function signPerCall(body: string) {
  const perCall = new SignatureV4({ credentials: fromContainerMetadata(), region: 'us-east-1', service: 'execute-api', sha256: Sha256 }); // expect: no-per-request-credential-provider
  return perCall.sign(new HttpRequest({ method: 'POST', hostname: 'api', path: '/', body }));
}
