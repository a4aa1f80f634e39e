// One cache entry as the provider sees it: a CredentialCache per distinct caller identity. The SDK
// calls the provider with each client's `callerClientConfig`, and sources such as fromIni read its
// `profile` (and region, for the STS calls behind a role): two clients sharing one provider must
// never be handed each other's credentials, so each profile and region gets its own partition.
import { CredentialCache, cacheSettings, type CacheSettings } from './cached-provider.js';
import { stableKey } from './stable-key.js';
import type { AwsCredentialIdentity, CacheOptions, CacheStats, CallerSetting, CredentialSource } from './types.js';

type ProviderOptions = Record<string, any> | undefined;

const DEFAULT_CALLER_SETTINGS: readonly CallerSetting[] = ['profile', 'region'];
/**
 * Distinct caller identities kept per entry. A process has a handful of profiles and regions; a
 * bound keeps a caller that builds random configurations from growing memory without end. Past it,
 * new identities are refused with an error rather than given another identity's credentials.
 */
const MAX_PARTITIONS = 64;

function callerSettings(options: CacheOptions): { profile: boolean; region: boolean } {
  const by = options.separateCallersBy ?? DEFAULT_CALLER_SETTINGS;
  if (!Array.isArray(by) || by.some((setting) => setting !== 'profile' && setting !== 'region')) {
    throw new RangeError(`cacheCredentials: separateCallersBy must be an array of 'profile' and 'region' (got ${String(by)}).`);
  }
  return { profile: by.includes('profile'), region: by.includes('region') };
}

/** A caller's region: a string, or the SDK's resolved-config function returning one. */
async function regionOf(value: unknown): Promise<unknown> {
  if (typeof value !== 'function') return value;
  try {
    return await (value as () => unknown)();
  } catch {
    // A client without a region fails on its own when it sends; for the key it is "no region".
    return undefined;
  }
}

export class PartitionedCache {
  readonly label: string;
  readonly keyHash: string | undefined;

  private readonly source: CredentialSource;
  private readonly settings: CacheSettings;
  private readonly separate: { profile: boolean; region: boolean };
  /** Calls without `callerClientConfig` (plain function use), and every caller when nothing separates them. */
  private readonly unscoped: CredentialCache;
  /** Created on the first caller with a config (most registry entries never see one). */
  private byIdentity: Map<string, CredentialCache> | undefined;
  /** Per client config object (stable for a client's lifetime): the hot path's one lookup. */
  private byCaller: WeakMap<object, CredentialCache> | undefined;
  private lastUsed: CredentialCache;

  constructor(source: CredentialSource, options: CacheOptions = {}, keyHash?: string) {
    this.settings = cacheSettings(source, options);
    this.separate = callerSettings(options);
    this.source = source;
    this.label = this.settings.label;
    this.keyHash = keyHash;
    this.unscoped = new CredentialCache(source, this.settings, keyHash);
    this.lastUsed = this.unscoped;
  }

  get(options: ProviderOptions): Promise<AwsCredentialIdentity> {
    const caller: unknown = options === undefined ? undefined : options.callerClientConfig;
    if (typeof caller !== 'object' || caller === null || (!this.separate.profile && !this.separate.region)) return this.dispatch(this.unscoped, options);
    const cache = this.byCaller?.get(caller);
    if (cache !== undefined) return this.dispatch(cache, options);
    return this.partitionFor(caller as Record<string, unknown>).then((found) => this.dispatch(found, options));
  }

  private dispatch(cache: CredentialCache, options: ProviderOptions): Promise<AwsCredentialIdentity> {
    this.lastUsed = cache;
    return options !== undefined && options.forceRefresh === true ? cache.forceRefresh(options) : cache.get(options);
  }

  private async partitionFor(caller: Record<string, unknown>): Promise<CredentialCache> {
    const profile = this.separate.profile ? caller.profile : undefined;
    const region = this.separate.region ? await regionOf(caller.region) : undefined;
    const identity = stableKey([typeof profile === 'string' ? profile : null, typeof region === 'string' ? region : null]);
    this.byIdentity ??= new Map();
    this.byCaller ??= new WeakMap();
    let cache = this.byIdentity.get(identity);
    if (cache === undefined) {
      if (this.byIdentity.size >= MAX_PARTITIONS) {
        throw new RangeError(
          `${this.label}: more than ${MAX_PARTITIONS} different caller profiles and regions share this provider; ` +
            'create one provider per configuration (or sharedCredentials keyed by profile and region).',
        );
      }
      cache = new CredentialCache(this.source, this.settings, this.keyHash);
      this.byIdentity.set(identity, cache);
    }
    this.byCaller.set(caller, cache);
    return cache;
  }

  private all(): CredentialCache[] {
    return this.byIdentity === undefined ? [this.unscoped] : [this.unscoped, ...this.byIdentity.values()];
  }

  get lastAccess(): number {
    let latest = this.unscoped.lastAccess;
    if (this.byIdentity !== undefined) for (const cache of this.byIdentity.values()) latest = Math.max(latest, cache.lastAccess);
    return latest;
  }

  touch(): number {
    return this.unscoped.touch();
  }

  invalidate(accessKeyId: string): void {
    for (const cache of this.all()) cache.invalidate(accessKeyId);
  }

  /** The partition used last, with the counters of all partitions added up. */
  stats(): CacheStats {
    const caches = this.all();
    const used = caches.filter((cache) => cache.stats().sourceCalls > 0 || cache === this.lastUsed);
    const last = this.lastUsed.stats();
    const sum = (field: 'sourceCalls' | 'hits' | 'staleServed' | 'failures'): number => caches.reduce((total, cache) => total + cache.stats()[field], 0);
    return {
      ...last,
      sourceCalls: sum('sourceCalls'),
      hits: sum('hits'),
      staleServed: sum('staleServed'),
      failures: sum('failures'),
      partitions: Math.max(1, used.length),
    };
  }

  dispose(): void {
    for (const cache of this.all()) cache.dispose();
  }

  evict(): void {
    this.unscoped.evict();
    if (this.byIdentity !== undefined) for (const cache of this.byIdentity.values()) cache.dispose();
  }
}
