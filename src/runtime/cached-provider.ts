// The cache state machine for one credential source.
//
//   empty ──fetch──▶ valid ──(proactiveAt)──▶ refresh-due ──(advisoryAt)──▶ advisory ──(mandatoryAt)──▶ mandatory ──▶ expired
//
// valid: served from cache. refresh-due / advisory: served from cache at once while one background
// refresh runs. mandatory / expired / empty: callers wait for one shared refresh. A recoverable
// failure keeps the cached credentials (even expired) and starts a backoff; a non-recoverable one is
// raised and remembered for a few seconds.
import { CredentialsUnavailableError, ExpiredCredentialsError, errorSummary, isNonRecoverableCredentialError } from './errors.js';
import { DEFAULT_SOURCE_CALLS_PER_MINUTE, SourceCallLimiter } from './rate-limit.js';
import { redactedInspect } from './redact.js';
import type { AwsCredentialIdentity, CacheOptions, CacheStats, CachedCredentialProvider, CredentialEvent, CredentialSource } from './types.js';
import { NEVER, type RefreshSchedule, scheduleFor } from './windows.js';

/** Random 300-600 s: the SDKs' static-stability backoff; long enough to ride out STS throttling. */
const BACKOFF_MIN_MS = 300_000;
const BACKOFF_SPAN_MS = 300_000;
/** Random 1-5 s: stops a tight retry loop after AccessDenied without hiding a fixed policy for long. */
const REMEMBER_ERROR_MIN_MS = 1_000;
const REMEMBER_ERROR_SPAN_MS = 4_000;
/** setTimeout's largest delay. */
const MAX_TIMER_MS = 2 ** 31 - 1;

type Options = Record<string, any> | undefined;

export class CredentialCache {
  private readonly source: CredentialSource;
  readonly label: string;
  private readonly now: () => number;
  private readonly random: () => number;
  private readonly background: boolean;
  private readonly advisoryOverride: number | undefined;
  private readonly fixedBackoffMs: number | undefined;
  private readonly onEvent: ((event: CredentialEvent) => void) | undefined;
  private readonly limiter: SourceCallLimiter;
  readonly keyHash: string | undefined;

  private credentials: AwsCredentialIdentity | undefined;
  private resolved: Promise<AwsCredentialIdentity> | undefined;
  private schedule: RefreshSchedule = NEVER;
  /** Hot-path bound: below it, serve the cache with no other check. */
  private serveUntil = -Infinity;
  private inflight: Promise<AwsCredentialIdentity> | undefined;
  private backoffUntil = 0;
  private rememberedError: unknown;
  private rememberedUntil = 0;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private disposed = false;
  lastAccess = 0;

  private sourceCalls = 0;
  private hits = 0;
  private staleServed = 0;
  private failures = 0;

  constructor(source: CredentialSource, options: CacheOptions = {}, keyHash?: string) {
    if (typeof source !== 'function') throw new TypeError('cacheCredentials expects a credential provider function.');
    this.source = source;
    this.label = options.name ?? (source.name ? `${source.name}()` : 'credential provider');
    this.now = options.now ?? Date.now;
    this.random = options.random ?? Math.random;
    this.background = options.backgroundRefresh ?? true;
    this.advisoryOverride = options.advisoryWindowSeconds;
    this.fixedBackoffMs = options.refreshBackoffSeconds === undefined ? undefined : options.refreshBackoffSeconds * 1000;
    this.onEvent = options.onEvent;
    this.keyHash = keyHash;
    this.lastAccess = this.now();
    this.limiter = new SourceCallLimiter(options.maxSourceCallsPerMinute ?? DEFAULT_SOURCE_CALLS_PER_MINUTE, this.lastAccess);
  }

  get(options: Options): Promise<AwsCredentialIdentity> {
    const now = this.now();
    this.lastAccess = now;
    if (now < this.serveUntil) {
      this.hits++;
      return this.resolved!;
    }
    return this.slowPath(now, options);
  }

  private slowPath(now: number, options: Options): Promise<AwsCredentialIdentity> {
    if (this.credentials === undefined) return this.fetchWithoutCache(now, options);
    if (now >= this.schedule.mandatoryAt) return this.mandatoryRefresh(now, options);
    // refresh-due or advisory: never make a caller wait.
    this.refreshInBackground(now, options);
    this.hits++;
    return this.resolved!;
  }

  private fetchWithoutCache(now: number, options: Options): Promise<AwsCredentialIdentity> {
    if (this.inflight) return this.inflight;
    if (now < this.rememberedUntil) return Promise.reject(this.rememberedError);
    if (!this.limiter.tryTake(now)) {
      this.emit({ type: 'rate-limited' });
      return Promise.reject(new CredentialsUnavailableError(this.label, this.rememberedError, 'is rate-limited after repeated failures'));
    }
    return this.startRefresh(options).catch((error: unknown) => {
      throw isNonRecoverableCredentialError(error) ? error : new CredentialsUnavailableError(this.label, error);
    });
  }

  private mandatoryRefresh(now: number, options: Options): Promise<AwsCredentialIdentity> {
    if (this.inflight) return this.inflight.catch((error: unknown) => this.staleOrThrow(error));
    if (now < this.rememberedUntil) return Promise.reject(this.rememberedError);
    if (now < this.backoffUntil || !this.limiter.tryTake(now)) return this.serveStale();
    return this.startRefresh(options).catch((error: unknown) => this.staleOrThrow(error));
  }

  private refreshInBackground(now: number, options: Options): void {
    if (this.inflight || now < this.backoffUntil || now < this.rememberedUntil) return;
    if (!this.limiter.tryTake(now)) return;
    this.startRefresh(options).catch(() => undefined);
  }

  private staleOrThrow(error: unknown): Promise<AwsCredentialIdentity> {
    if (isNonRecoverableCredentialError(error) || this.credentials === undefined) throw error;
    return this.serveStale();
  }

  private serveStale(): Promise<AwsCredentialIdentity> {
    this.staleServed++;
    this.emit({ type: 'stale-served', accessKeyId: this.credentials!.accessKeyId, expiration: this.credentials!.expiration });
    return this.resolved!;
  }

  private startRefresh(options: Options): Promise<AwsCredentialIdentity> {
    this.sourceCalls++;
    const attempt = this.callSource(options).then(
      (credentials) => this.accept(credentials),
      (error: unknown) => this.reject(error),
    );
    const settled = attempt.finally(() => {
      if (this.inflight === settled) this.inflight = undefined;
    });
    this.inflight = settled;
    return settled;
  }

  private async callSource(options: Options): Promise<AwsCredentialIdentity> {
    const credentials = await this.source(options);
    if (!credentials || typeof credentials.accessKeyId !== 'string' || typeof credentials.secretAccessKey !== 'string') {
      throw new TypeError(`${this.label} returned no credentials.`);
    }
    return credentials;
  }

  private accept(credentials: AwsCredentialIdentity): AwsCredentialIdentity {
    const now = this.now();
    const expiresAt = credentials.expiration ? credentials.expiration.getTime() : Infinity;
    if (expiresAt <= now) return this.reject(new ExpiredCredentialsError(this.label, credentials.expiration!));
    this.credentials = credentials;
    this.resolved = Promise.resolve(credentials);
    this.schedule = scheduleFor(now, expiresAt, this.random(), this.advisoryOverride);
    this.serveUntil = this.schedule.proactiveAt;
    this.backoffUntil = 0;
    this.rememberedUntil = 0;
    this.rememberedError = undefined;
    this.emit({ type: 'refresh', accessKeyId: credentials.accessKeyId, expiration: credentials.expiration });
    this.armTimer(now);
    return credentials;
  }

  /** Records the failure, then rethrows it. */
  private reject(error: unknown): never {
    const now = this.now();
    this.failures++;
    this.emit({ type: 'refresh-failed', error: errorSummary(error) });
    if (isNonRecoverableCredentialError(error)) {
      this.rememberedError = error;
      this.rememberedUntil = now + REMEMBER_ERROR_MIN_MS + this.random() * REMEMBER_ERROR_SPAN_MS;
    } else if (this.credentials !== undefined) {
      this.backoffUntil = now + (this.fixedBackoffMs ?? BACKOFF_MIN_MS + this.random() * BACKOFF_SPAN_MS);
      this.emit({ type: 'backoff', retryAt: this.backoffUntil, error: errorSummary(error) });
      this.armTimerAt(now, this.backoffUntil);
    } else {
      this.rememberedError = error;
    }
    throw error;
  }

  private armTimer(now: number): void {
    this.armTimerAt(now, this.schedule.proactiveAt);
  }

  private armTimerAt(now: number, at: number): void {
    if (!this.background || this.disposed || !Number.isFinite(at)) return;
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = setTimeout(() => this.onTimer(), Math.min(MAX_TIMER_MS, Math.max(0, at - now)));
    (this.timer as { unref?: () => void }).unref?.();
  }

  private onTimer(): void {
    this.timer = undefined;
    const now = this.now();
    if (this.credentials === undefined) return;
    if (now < this.schedule.proactiveAt) return this.armTimer(now);
    this.refreshInBackground(now, undefined);
  }

  invalidate(accessKeyId: string): void {
    if (this.credentials === undefined || this.credentials.accessKeyId !== accessKeyId) return;
    this.schedule = { ...this.schedule, mandatoryAt: -Infinity, advisoryAt: -Infinity, proactiveAt: -Infinity };
    this.serveUntil = -Infinity;
    this.emit({ type: 'invalidated', accessKeyId });
  }

  stats(): CacheStats {
    const now = this.now();
    const s = this.schedule;
    const state: CacheStats['state'] =
      this.credentials === undefined ? 'empty'
      : now >= s.expiresAt ? 'expired'
      : now >= s.mandatoryAt ? 'mandatory'
      : now >= s.advisoryAt ? 'advisory'
      : now >= s.proactiveAt ? 'refresh-due'
      : 'valid';
    return {
      state,
      sourceCalls: this.sourceCalls,
      hits: this.hits,
      staleServed: this.staleServed,
      failures: this.failures,
      refreshing: this.inflight !== undefined,
      ...(this.credentials && { accessKeyId: this.credentials.accessKeyId }),
      ...(this.credentials?.expiration && { expiration: this.credentials.expiration }),
      ...(this.backoffUntil > now && { backoffUntil: this.backoffUntil }),
    };
  }

  dispose(): void {
    this.disposed = true;
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = undefined;
  }

  private emit(event: Omit<CredentialEvent, 'source' | 'key'>): void {
    if (!this.onEvent) return;
    try {
      this.onEvent({ ...event, source: this.label, ...(this.keyHash && { key: this.keyHash }) });
    } catch {
      // The hook is for observation; it must not break credential resolution.
    }
  }

  [Symbol.for('nodejs.util.inspect.custom')](): string {
    return redactedInspect('CredentialCache', this.label, this.stats());
  }
}

/** Wraps any credential provider in the shared, auto-refreshing cache. */
export function createCachedProvider(cache: CredentialCache): CachedCredentialProvider {
  const provider = ((options?: Record<string, any>) => cache.get(options)) as CachedCredentialProvider;
  // Writable on purpose: @aws-sdk/core assigns `memoized = true` to the provider it keeps.
  provider.memoized = true;
  provider.invalidate = (accessKeyId: string) => cache.invalidate(accessKeyId);
  provider.stats = () => cache.stats();
  provider.dispose = () => cache.dispose();
  Object.defineProperty(provider, Symbol.for('nodejs.util.inspect.custom'), {
    value: () => redactedInspect('CachedCredentialProvider', cache.label, cache.stats()),
  });
  Object.defineProperty(provider, 'toJSON', { value: () => ({ type: 'CachedCredentialProvider', ...cache.stats() }) });
  return provider;
}
