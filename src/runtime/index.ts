// eslint-plugin-aws-credentials/runtime: a zero-dependency, shared, auto-refreshing credential cache.
export type {
  AwsCredentialIdentity,
  CacheOptions,
  CacheState,
  CacheStats,
  CachedCredentialProvider,
  CredentialEvent,
  CredentialEventType,
  CredentialSource,
  V2CredentialsLike,
} from './types.js';
export { cacheCredentials } from './cache-credentials.js';
export { sharedCredentials, configureSharedCredentials, clearSharedCredentials, sharedCredentialsSize, type RegistryBounds } from './registry.js';
export { toV2Credentials, V2Credentials } from './v2-adapter.js';
export { stableKey } from './stable-key.js';
export { CredentialsUnavailableError, InvalidCredentialsError, StaleCredentialsError, isNonRecoverableCredentialError } from './errors.js';
/** @deprecated The committed name of StaleCredentialsError, kept so existing imports keep working. */
export { StaleCredentialsError as ExpiredCredentialsError } from './errors.js';
export { advisoryWindowMs, mandatoryWindowMs } from './windows.js';
