// SDK v3 credential providers, one line each. Only the node provider chain (`fromNodeProviderChain`,
// `defaultProvider`) memoizes by itself; the single providers fetch again for every new client that
// wraps them (measured with v3 3.1169), and `createCredentialChain` is a plain try-each chain with no
// memoization (see its source in @aws-sdk/credential-providers). A self-caching provider built per
// request still fetches per request: only a shared instance caches.
import type { CatalogEntry, CredentialOrigin } from './types.js';

const ALL_IN_ONE = '@aws-sdk/credential-providers';
/** The container and instance metadata providers moved to @smithy; both names are in use. */
const IMDS_PACKAGES = ['@aws-sdk/credential-provider-imds', '@smithy/credential-provider-imds'];

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
  provider('fromContainerMetadata', 'container', IMDS_PACKAGES),
  provider('fromInstanceMetadata', 'imds', IMDS_PACKAGES),
  provider('fromCognitoIdentity', 'cognito', ['@aws-sdk/credential-provider-cognito-identity']),
  provider('fromCognitoIdentityPool', 'cognito', ['@aws-sdk/credential-provider-cognito-identity']),
  provider('fromHttp', 'http', ['@aws-sdk/credential-provider-http']),
  provider('fromLoginCredentials', 'sso', ['@aws-sdk/credential-provider-login']),
  provider('fromNodeProviderChain', 'chain', [], true),
  provider('createCredentialChain', 'chain', [], false),
  provider('defaultProvider', 'chain', ['@aws-sdk/credential-provider-node'], true),
];
