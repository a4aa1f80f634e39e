// The process-wide registry behind sharedCredentials: one cache entry per stable key, bounded in
// size and swept of idle entries. An evicted entry is disposed (its timer stops); a provider that
// code still holds keeps working, refreshing on access.
import { CredentialCache } from './cached-provider.js';
import { createCachedProvider } from './cache-credentials.js';
import { keyHash, stableKey } from './stable-key.js';
import type { CacheOptions, CachedCredentialProvider, CredentialSource } from './types.js';

export interface RegistryBounds {
  /** Default 1,000: covers a multi-account scanner over a large organisation; beyond it the least recently used entry goes. */
  readonly maxEntries?: number;
  /** Default 3,600 s: an entry unused for an hour would have to refetch anyway (1 h is the default session). */
  readonly idleEvictionSeconds?: number;
}

interface Entry {
  readonly cache: CredentialCache;
  readonly provider: CachedCredentialProvider;
}

const DEFAULT_BOUNDS = { maxEntries: 1_000, idleEvictionSeconds: 3_600 };
/** A sweep is one pass over the map; at most once a minute keeps it off the request path. */
const SWEEP_INTERVAL_MS = 60_000;

let bounds = { ...DEFAULT_BOUNDS };
const entries = new Map<string, Entry>();
let lastSweep = -Infinity;

/** Sets the registry bounds (process-wide); entries over the new size are evicted at once. */
export function configureSharedCredentials(next: RegistryBounds): void {
  const maxEntries = next.maxEntries ?? bounds.maxEntries;
  const idleEvictionSeconds = next.idleEvictionSeconds ?? bounds.idleEvictionSeconds;
  if (!Number.isInteger(maxEntries) || maxEntries < 1) throw new RangeError(`configureSharedCredentials: maxEntries must be a positive integer (got ${String(maxEntries)}).`);
  if (typeof idleEvictionSeconds !== 'number' || !(idleEvictionSeconds > 0)) {
    throw new RangeError(`configureSharedCredentials: idleEvictionSeconds must be a positive number (got ${String(idleEvictionSeconds)}).`);
  }
  bounds = { maxEntries, idleEvictionSeconds };
  while (entries.size > bounds.maxEntries) evictLeastRecentlyUsed();
}

/**
 * The cache entry for `key`, created with `factory()` on first use. Equal keys (property order
 * does not matter) share one entry and one source; `options` apply when the entry is created.
 * The key must hold every input that makes credentials differ (role, external ID, session name,
 * policy, region, source profile...): strings, numbers, booleans, null, undefined, Dates, arrays
 * and plain objects.
 */
export function sharedCredentials(
  // `unknown`, as committed: a Record<string, unknown> parameter would refuse keys typed with an
  // interface (no index signature). stableKey checks the shape at run time.
  key: unknown,
  factory: () => CredentialSource,
  options: CacheOptions = {},
): CachedCredentialProvider {
  const canonical = stableKey(key);
  const found = entries.get(canonical);
  if (found !== undefined) {
    sweepIdle(found.cache.touch());
    return found.provider;
  }
  if (typeof factory !== 'function') throw new TypeError('sharedCredentials: factory must be a function returning a credential provider.');
  const cache = new CredentialCache(factory(), options, keyHash(canonical));
  sweepIdle(cache.lastAccess);
  while (entries.size >= bounds.maxEntries) evictLeastRecentlyUsed();
  const entry = { cache, provider: createCachedProvider(cache) };
  entries.set(canonical, entry);
  return entry.provider;
}

/** Disposes and drops every entry (tests, hot reload). */
export function clearSharedCredentials(): void {
  for (const entry of entries.values()) entry.cache.dispose();
  entries.clear();
  lastSweep = -Infinity;
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

/** By last access, not by insertion: a hoisted provider used on every request is never the one to go. */
function evictLeastRecentlyUsed(): void {
  let oldest: [string, Entry] | undefined;
  for (const item of entries) {
    if (oldest === undefined || item[1].cache.lastAccess < oldest[1].cache.lastAccess) oldest = item;
  }
  if (oldest !== undefined) evict(oldest[0], oldest[1]);
}

function evict(canonical: string, entry: Entry): void {
  entries.delete(canonical);
  entry.cache.evict();
}
