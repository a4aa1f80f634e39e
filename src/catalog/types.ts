// What a catalog entry says about one AWS API that produces credentials or a client.

export type Sdk = 'v3' | 'v2' | 'msk';

export type EntryKind =
  /** Returns a credential provider function (`fromTemporaryCredentials`, `defaultProvider`, ...). */
  | 'provider'
  /** An STS / SSO / Cognito command whose result becomes credentials (`new AssumeRoleCommand(...)`). */
  | 'credentials-command'
  /** An SDK v3 service client (`new S3Client(config)`) or a wrapper that builds credentials inside. */
  | 'client'
  /** An SDK v2 credentials class (`new AWS.TemporaryCredentials(...)`). */
  | 'v2-credentials'
  /** An SDK v2 method whose result becomes credentials (`sts.assumeRole(...)`). */
  | 'v2-credentials-call'
  /** An SDK v2 service class (`new AWS.S3()`). */
  | 'v2-client'
  /** `aws-msk-iam-sasl-signer-js` token generators that build a provider on every call. */
  | 'msk-token'
  /** A function of the project itself that builds one of the above on every call (cross-file). */
  | 'project-factory';

/** Where the credentials come from, for messages ("one AssumeRole call per request"). */
export type CredentialOrigin =
  | 'sts'
  | 'container'
  | 'imds'
  | 'sso'
  | 'cognito'
  | 'ini'
  | 'env'
  | 'process'
  | 'web-identity'
  | 'http'
  | 'chain';

export interface CatalogEntry {
  /** Unique id, e.g. `v3:fromTemporaryCredentials`. */
  readonly id: string;
  readonly sdk: Sdk;
  /** Module specifiers that export it; a trailing `*` matches a prefix (`@aws-sdk/client-*`). */
  readonly modules: readonly string[];
  /** Export (or v2 `AWS.<name>` member) name; for clients a suffix match is expressed with `exportSuffix`. */
  readonly exportName?: string;
  readonly exportSuffix?: string;
  readonly kind: EntryKind;
  /** How user code creates it. */
  readonly construct: 'call' | 'new';
  /** True when one instance caches its credentials by itself (`fromNodeProviderChain`). */
  readonly selfCaching: boolean;
  readonly origin?: CredentialOrigin;
  /** Reads only process memory (environment variables): creating it per request costs nothing. */
  readonly localOnly?: boolean;
}
