// The process-wide registry behind sharedCredentials: one cache entry per stable key, bounded in
// size and swept of idle entries, with O(1) lookup, hand-out and eviction (a recency list). An
// evicted or disposed entry leaves the registry; a provider that code still holds keeps working,
// refreshing on access. The ESM and CommonJS builds of this package loaded in one process share
// one registry through a global symbol: one process, one cache per key.
import { PartitionedCache } from './caller-partitions.js';
import { createCachedProvider } from './cache-credentials.js';
import { appendNode, clearList, moveToEnd, newRecencyList, unlinkNode, type RecencyList, type RecencyNode } from './recency-list.js';
import { canonicalKey } from './key-memo.js';
import { keyHash } from './stable-key.js';
import type { CacheOptions, CachedCredentialProvider, CredentialSource } from './types.js';

export interface RegistryBounds {
  /** Default 1,000: covers a multi-account scanner over a large organisation; beyond it the least recently used entry goes. */
  readonly maxEntries?: number;
  /** Default 3,600 s: an entry unused for an hour would have to refetch anyway (1 h is the default session). */
  readonly idleEvictionSeconds?: number;
}

/** What both builds agree on: plain data, and caches used only through these members. */
interface RegisteredCache {
  readonly lastAccess: number;
  touch(): number;
  evict(): void;
  dispose(): void;
}

interface Entry {
  readonly cache: RegisteredCache;
  provider: CachedCredentialProvider;
  /** When the entry was last listed (appended or moved to the end), by its own cache's clock. */
  listedAt: number;
}

interface RegistryState {
  bounds: { maxEntries: number; idleEvictionSeconds: number };
  readonly entries: Map<string, RecencyNode<Entry>>;
  readonly order: RecencyList<Entry>;
  lastSweep: number;
}

const DEFAULT_BOUNDS = { maxEntries: 1_000, idleEvictionSeconds: 3_600 };
/** A sweep walks only the idle head of the recency list; at most once a minute keeps it off the request path. */
const SWEEP_INTERVAL_MS = 60_000;
/** Versioned: a future build with a different entry shape gets its own registry rather than a broken one. */
const REGISTRY_SYMBOL = Symbol.for('eslint-plugin-aws-credentials/runtime/registry@1');

function registryState(): RegistryState {
  const holder = globalThis as { [REGISTRY_SYMBOL]?: RegistryState };
  return (holder[REGISTRY_SYMBOL] ??= { bounds: { ...DEFAULT_BOUNDS }, entries: new Map(), order: newRecencyList(), lastSweep: -Infinity });
}

const registry = registryState();

/** Sets the registry bounds (process-wide); entries over the new size are evicted at once. */
export function configureSharedCredentials(next: RegistryBounds): void {
  const maxEntries = next.maxEntries ?? registry.bounds.maxEntries;
  const idleEvictionSeconds = next.idleEvictionSeconds ?? registry.bounds.idleEvictionSeconds;
  if (!Number.isInteger(maxEntries) || maxEntries < 1) throw new RangeError(`configureSharedCredentials: maxEntries must be a positive integer (got ${String(maxEntries)}).`);
  if (typeof idleEvictionSeconds !== 'number' || !(idleEvictionSeconds > 0)) {
    throw new RangeError(`configureSharedCredentials: idleEvictionSeconds must be a positive number (got ${String(idleEvictionSeconds)}).`);
  }
  registry.bounds = { maxEntries, idleEvictionSeconds };
  evictOverflow(0);
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
  const canonical = canonicalKey(key);
  const found = registry.entries.get(canonical);
  if (found !== undefined) {
    moveToEnd(registry.order, found);
    found.value.listedAt = found.value.cache.touch();
    sweepIdle(found.value.listedAt);
    return found.value.provider;
  }
  if (typeof factory !== 'function') throw new TypeError('sharedCredentials: factory must be a function returning a credential provider.');
  const cache = new PartitionedCache(factory(), options, keyHash(canonical));
  sweepIdle(cache.lastAccess);
  evictOverflow(1);
  const entry = { cache, provider: undefined as unknown as CachedCredentialProvider, listedAt: cache.lastAccess };
  const node = appendNode(registry.order, canonical, entry);
  entry.provider = createCachedProvider(cache, () => remove(node));
  registry.entries.set(canonical, node);
  return entry.provider;
}

/**
 * Disposes and drops every entry (tests, hot reload). Every node is detached from the list, not
 * only the list emptied: a provider from before stays callable, and its dispose() must find its
 * node unlinked rather than splice it (and its old neighbours) into the new list.
 */
export function clearSharedCredentials(): void {
  for (const node of registry.entries.values()) node.value.cache.dispose();
  registry.entries.clear();
  clearList(registry.order);
  registry.lastSweep = -Infinity;
}

export function sharedCredentialsSize(): number {
  return registry.entries.size;
}

/** Drops the node if it is still the one registered under its key. */
function remove(node: RecencyNode<Entry>): void {
  if (!node.linked) return;
  unlinkNode(registry.order, node);
  if (registry.entries.get(node.key) === node) registry.entries.delete(node.key);
}

function evict(node: RecencyNode<Entry>): void {
  remove(node);
  node.value.cache.evict();
}

/**
 * Makes room for `incoming` new entries. The recency list orders entries by when the registry last
 * handed them out; a provider hoisted once and then called directly never goes back through the
 * registry, so an entry used since it was listed gets a second chance (moved to the end) instead of
 * being evicted. Each entry is moved at most once per use, so eviction stays O(1) amortised.
 */
function evictOverflow(incoming: number): void {
  const limit = registry.entries.size; // bounds the loop: every entry is looked at most once
  for (let looked = 0; registry.entries.size + incoming > registry.bounds.maxEntries && looked <= limit; looked++) {
    const head = registry.order.head;
    if (head === undefined) return;
    if (usedSinceListed(head) && looked < limit) {
      relist(head);
      continue;
    }
    evict(head);
  }
}

function usedSinceListed(node: RecencyNode<Entry>): boolean {
  return node.value.cache.lastAccess > node.value.listedAt;
}

function relist(node: RecencyNode<Entry>): void {
  moveToEnd(registry.order, node);
  node.value.listedAt = node.value.cache.lastAccess;
}

/** Evicts entries idle for idleEvictionSeconds, from the least recently handed out on. */
function sweepIdle(now: number): void {
  if (now - registry.lastSweep < SWEEP_INTERVAL_MS) return;
  registry.lastSweep = now;
  const idleBefore = now - registry.bounds.idleEvictionSeconds * 1000;
  const limit = registry.entries.size;
  for (let looked = 0; looked < limit; looked++) {
    const head = registry.order.head;
    if (head === undefined) return;
    if (head.value.cache.lastAccess < idleBefore) {
      evict(head);
      continue;
    }
    // Used recently: either handed out recently (then so is everything after it) or used
    // directly since (relisted, and the walk goes on).
    if (!usedSinceListed(head)) return;
    relist(head);
  }
}
