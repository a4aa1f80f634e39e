// SDK v3 credential providers. Only the node provider chain memoizes by itself; the single
// providers fetch again for every new client that wraps them (measured with v3 3.1169).
import type { CatalogEntry, CredentialOrigin } from './types.js';

const ALL_IN_ONE = '@aws-sdk/credential-providers';

function provider(exportName: string, origin: CredentialOrigin, singlePackages: readonly string[], selfCaching = false): CatalogEntry {
  return { id: `v3:${exportName}`, sdk: 'v3', modules: [ALL_IN_ONE, ...singlePackages], exportName, kind: 'provider', construct: 'call', selfCaching, origin };
}

export const V3_PROVIDERS: readonly CatalogEntry[] = [
  provider('fromTemporaryCredentials', 'sts', []),
  provider('fromIni', 'ini', ['@aws-sdk/credential-provider-ini']),
  { ...provider('fromEnv', 'env', ['@aws-sdk/credential-provider-env']), localOnly: true },
  provider('fromProcess', 'process', ['@aws-sdk/credential-provider-process']),
  provider('fromSSO', 'sso', ['@aws-sdk/credential-provider-sso']),
  provider('fromTokenFile', 'web-identity', ['@aws-sdk/credential-provider-web-identity']),
  provider('fromWebToken', 'web-identity', ['@aws-sdk/credential-provider-web-identity']),
  provider('fromContainerMetadata', 'container', ['@aws-sdk/credential-provider-imds']),
  provider('fromInstanceMetadata', 'imds', ['@aws-sdk/credential-provider-imds']),
  provider('fromCognitoIdentity', 'cognito', ['@aws-sdk/credential-provider-cognito-identity']),
  provider('fromCognitoIdentityPool', 'cognito', ['@aws-sdk/credential-provider-cognito-identity']),
  provider('fromHttp', 'http', ['@aws-sdk/credential-provider-http']),
  provider('fromNodeProviderChain', 'chain', [], true),
  provider('createCredentialChain', 'chain', [], false),
  provider('defaultProvider', 'chain', ['@aws-sdk/credential-provider-node'], true),
];
