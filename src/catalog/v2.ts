// SDK v2 (`aws-sdk`). Credential classes fetch per instance; service clients without explicit
// credentials reuse the global credentials once resolved (measured: not a per-request fetch).
import type { CatalogEntry, CredentialOrigin } from './types.js';

export const V2_MODULES = ['aws-sdk', 'aws-sdk/global'] as const;

function credentials(exportName: string, origin: CredentialOrigin): CatalogEntry {
  return { id: `v2:${exportName}`, sdk: 'v2', modules: V2_MODULES, exportName, kind: 'v2-credentials', construct: 'new', selfCaching: false, origin };
}

export const V2_CREDENTIALS: readonly CatalogEntry[] = [
  credentials('TemporaryCredentials', 'sts'),
  credentials('ChainableTemporaryCredentials', 'sts'),
  credentials('ECSCredentials', 'container'),
  credentials('RemoteCredentials', 'container'),
  credentials('EC2MetadataCredentials', 'imds'),
  credentials('SharedIniFileCredentials', 'ini'),
  credentials('ProcessCredentials', 'process'),
  credentials('WebIdentityCredentials', 'web-identity'),
  credentials('TokenFileWebIdentityCredentials', 'web-identity'),
  credentials('CognitoIdentityCredentials', 'cognito'),
  credentials('SAMLCredentials', 'sts'),
  credentials('CredentialProviderChain', 'chain'),
];

/** `sts.assumeRole(...)` and friends on an SDK v2 STS client. */
export const V2_STS_METHODS: ReadonlySet<string> = new Set([
  'assumeRole',
  'assumeRoleWithWebIdentity',
  'assumeRoleWithSAML',
  'getSessionToken',
  'getFederationToken',
]);

export const V2_STS_CALL: CatalogEntry = {
  id: 'v2:STS#assumeRole', sdk: 'v2', modules: V2_MODULES, exportName: 'STS', kind: 'v2-credentials-call', construct: 'call', selfCaching: false, origin: 'sts',
};

export const V2_CLIENT: CatalogEntry = {
  id: 'v2:service', sdk: 'v2', modules: [...V2_MODULES, 'aws-sdk/clients/*'], kind: 'v2-client', construct: 'new', selfCaching: false,
};

/** `AWS.config.credentials = ...`. */
export const V2_GLOBAL_CREDENTIALS: CatalogEntry = {
  id: 'v2:config.credentials', sdk: 'v2', modules: V2_MODULES, exportName: 'config', kind: 'v2-credentials', construct: 'new', selfCaching: false,
};

/** `new AWS.Config(…).getCredentials()`: a fresh configuration runs the credential chain again. */
export const V2_CONFIG_CREDENTIALS: CatalogEntry = {
  id: 'v2:Config#getCredentials', sdk: 'v2', modules: V2_MODULES, exportName: 'Config', kind: 'v2-credentials', construct: 'new', selfCaching: false, origin: 'chain',
};

/** Members of the `AWS` namespace that are neither services nor credentials. */
export const V2_NON_SERVICES: ReadonlySet<string> = new Set([
  'config', 'Config', 'Credentials', 'Endpoint', 'HttpRequest', 'HttpResponse', 'Request', 'Response', 'Service',
  'Signers', 'util', 'EventListeners', 'ParamValidator', 'MetadataService', 'SequentialExecutor', 'DynamoDB.Converter',
]);
