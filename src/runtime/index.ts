// eslint-plugin-aws-credentials/runtime: a zero-dependency, shared, auto-refreshing credential cache.
import { CredentialCache, createCachedProvider } from './cached-provider.js';
import type { CacheOptions, CachedCredentialProvider, CredentialSource } from './types.js';

export type {
  AwsCredentialIdentity,
  CacheOptions,
  CacheStats,
  CachedCredentialProvider,
  CredentialEvent,
  CredentialEventType,
  CredentialSource,
} from './types.js';
export { sharedCredentials, configureSharedCredentials, clearSharedCredentials, sharedCredentialsSize, type RegistryBounds } from './registry.js';
export { toV2Credentials, V2Credentials } from './v2-adapter.js';
export { stableKey } from './stable-key.js';
export { CredentialsUnavailableError, ExpiredCredentialsError, isNonRecoverableCredentialError } from './errors.js';
export { advisoryWindowMs, mandatoryWindowMs } from './windows.js';

/** Wraps any SDK v3 credential provider (or async function) in the shared auto-refreshing cache. */
export function cacheCredentials(provider: CredentialSource, options?: CacheOptions): CachedCredentialProvider {
  return createCachedProvider(new CredentialCache(provider, options));
}
