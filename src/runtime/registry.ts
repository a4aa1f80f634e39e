// The process-wide registry behind sharedCredentials: one cache entry per stable key, bounded in
// size (least recently used goes first) and swept of idle entries.
import { CredentialCache, createCachedProvider } from './cached-provider.js';
import { keyHash, stableKey } from './stable-key.js';
import type { CacheOptions, CachedCredentialProvider, CredentialSource } from './types.js';

export interface RegistryBounds {
  /** 1,000 roles or tenants per process covers large multi-account scanners; beyond that, LRU. */
  readonly maxEntries?: number;
  /** An entry unused for 1 hour is dropped: past a typical session lifetime it would refetch anyway. */
  readonly idleEvictionSeconds?: number;
}

interface Entry {
  readonly cache: CredentialCache;
  readonly provider: CachedCredentialProvider;
}

const DEFAULTS = { maxEntries: 1_000, idleEvictionSeconds: 3_600 };
/** Sweeping costs a pass over the map; once a minute keeps it negligible. */
const SWEEP_INTERVAL_MS = 60_000;

let bounds = { ...DEFAULTS };
const entries = new Map<string, Entry>();
let lastSweep = 0;

export function configureSharedCredentials(next: RegistryBounds): void {
  bounds = { ...bounds, ...next };
  evictOverflow();
}

export function sharedCredentials(
  key: unknown,
  factory: () => CredentialSource,
  options: CacheOptions = {},
): CachedCredentialProvider {
  const canonical = stableKey(key);
  const found = entries.get(canonical);
  if (found) {
    entries.delete(canonical);
    entries.set(canonical, found);
    sweepIdle(options.now?.() ?? Date.now());
    return found.provider;
  }
  const cache = new CredentialCache(factory(), options, keyHash(canonical));
  const entry = { cache, provider: createCachedProvider(cache) };
  entries.set(canonical, entry);
  sweepIdle(cache.lastAccess);
  evictOverflow();
  return entry.provider;
}

/** Drops every entry (tests, hot reload). */
export function clearSharedCredentials(): void {
  for (const entry of entries.values()) entry.cache.dispose();
  entries.clear();
}

export function sharedCredentialsSize(): number {
  return entries.size;
}

function sweepIdle(now: number): void {
  if (now - lastSweep < SWEEP_INTERVAL_MS) return;
  lastSweep = now;
  const idleBefore = now - bounds.idleEvictionSeconds * 1000;
  for (const [canonical, entry] of entries) {
    if (entry.cache.lastAccess < idleBefore) evict(canonical, entry);
  }
}

function evictOverflow(): void {
  for (const [canonical, entry] of entries) {
    if (entries.size <= bounds.maxEntries) return;
    evict(canonical, entry);
  }
}

function evict(canonical: string, entry: Entry): void {
  entries.delete(canonical);
  entry.cache.dispose();
}
