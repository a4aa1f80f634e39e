// The public face of one cache entry: a plain provider function the SDK calls, carrying the
// `memoized` mark @aws-sdk/core looks for, plus invalidate/stats/dispose. Inspecting or
// serialising it shows the label and stats only.
import { PartitionedCache } from './caller-partitions.js';
import { redactedInspect } from './redact.js';
import type { AwsCredentialIdentity, CacheOptions, CachedCredentialProvider, CredentialSource } from './types.js';

/**
 * The provider function around one cache entry, with the SDK's `memoized` mark. `onDispose` runs
 * after `dispose()` (the registry drops the entry then).
 */
export function createCachedProvider(cache: PartitionedCache, onDispose?: () => void): CachedCredentialProvider {
  const provider = (options?: Record<string, any>): Promise<AwsCredentialIdentity> => cache.get(options);
  const hidden = (value: unknown): PropertyDescriptor => ({ value, writable: false, enumerable: false, configurable: false });
  Object.defineProperties(provider, {
    // Writable: @aws-sdk/core assigns `memoized = true` to the provider it is given.
    memoized: { value: true, writable: true, enumerable: true, configurable: true },
    invalidate: hidden((accessKeyId: string) => cache.invalidate(accessKeyId)),
    stats: hidden(() => cache.stats()),
    dispose: hidden(() => {
      cache.dispose();
      onDispose?.();
    }),
    toJSON: hidden(() => ({ type: 'CachedCredentialProvider', source: cache.label, ...cache.stats() })),
    [Symbol.for('nodejs.util.inspect.custom')]: hidden(() => redactedInspect('CachedCredentialProvider', cache.label, cache.stats())),
  });
  return provider as CachedCredentialProvider;
}

/**
 * Wraps any SDK v3 credential provider (or async function returning credentials) in the
 * auto-refreshing cache. Create it once (module scope) and share it between clients; the SDK uses
 * it as is, without wrapping it in its own per-client cache.
 */
export function cacheCredentials(provider: CredentialSource, options?: CacheOptions): CachedCredentialProvider {
  return createCachedProvider(new PartitionedCache(provider, options));
}
