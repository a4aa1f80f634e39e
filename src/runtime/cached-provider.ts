// The cache state machine for one credential source (one partition of callers). Time is a number
// from the injected clock; every boundary is precomputed when credentials arrive (windows.ts).
//
//   empty ──fetch──▶ valid ──proactiveAt──▶ refresh-due ──advisoryAt──▶ advisory ──mandatoryAt──▶ mandatory ──▶ expired
//
//   empty                    callers wait for one shared fetch; a failure is raised (next call retries).
//   valid                    served from the cache: the hot path, one comparison.
//   refresh-due              served from the cache at once; one caller (or the timer) starts a refresh
//                            in the background (backgroundRefresh, the default, only).
//   advisory                 the caller that starts the refresh waits for its result (new credentials,
//                            or a non-recoverable error); concurrent callers are served the cache at
//                            once; a recoverable failure serves the cache too and starts the backoff.
//                            (advisoryRefreshInBackground: nobody waits, as in refresh-due.)
//   mandatory, expired       callers wait for one shared refresh.
//
// Orthogonal to these: a refresh in flight (shared, bounded by sourceTimeoutSeconds), a backoff
// after a recoverable failure (the cached credentials are served, even expired, and the source is
// left alone until it ends), a remembered non-recoverable error (raised again without a source call
// for 1-5 s), and `forceRefresh` (one shared refresh now, unless backed off or rate-limited).
import { backoffEndsAt, fullBackoffMs, rememberErrorUntil } from './backoff.js';
import {
  CredentialsUnavailableError,
  InvalidCredentialsError,
  SourceTimeoutError,
  StaleCredentialsError,
  errorSummary,
  isNonRecoverableCredentialError,
} from './errors.js';
import { DEFAULT_SOURCE_CALLS_PER_MINUTE, SourceCallLimiter } from './rate-limit.js';
import { redactedInspect } from './redact.js';
import { DEFAULT_SOURCE_TIMEOUT_SECONDS, callSource } from './source-call.js';
import type { AwsCredentialIdentity, CacheOptions, CacheStats, CredentialEvent, CredentialSource } from './types.js';
import { NEVER, type RefreshSchedule, scheduleFor } from './windows.js';

/** setTimeout's largest delay; a longer wait is re-armed when it fires. */
const MAX_TIMER_MS = 2 ** 31 - 1;

type SourceOptions = Record<string, any> | undefined;

function positiveOption(value: number | undefined, name: string, allowZero: boolean): number | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'number' || Number.isNaN(value) || value < 0 || (!allowZero && value === 0)) {
    throw new RangeError(`cacheCredentials: ${name} must be a ${allowZero ? 'non-negative' : 'positive'} number (got ${String(value)}).`);
  }
  return value;
}

/** The options of one cache entry, checked once and shared by its partitions. */
export interface CacheSettings {
  readonly label: string;
  readonly now: () => number;
  readonly random: () => number;
  readonly background: boolean;
  readonly advisoryInBackground: boolean;
  readonly advisoryOverride: number | undefined;
  readonly fixedBackoffMs: number | undefined;
  readonly sourceTimeoutMs: number;
  readonly perMinute: number;
  readonly onEvent: ((event: CredentialEvent) => void) | undefined;
}

export function cacheSettings(source: CredentialSource, options: CacheOptions = {}): CacheSettings {
  if (typeof source !== 'function') throw new TypeError('cacheCredentials expects a credential provider function (an SDK v3 provider or an async function).');
  const backoffSeconds = positiveOption(options.refreshBackoffSeconds, 'refreshBackoffSeconds', true);
  return {
    label: options.name ?? (source.name ? `${source.name}()` : 'credential provider'),
    now: options.now ?? Date.now,
    random: options.random ?? Math.random,
    background: options.backgroundRefresh ?? true,
    advisoryInBackground: options.advisoryRefreshInBackground ?? false,
    // 0 would put every call inside the advisory window: refused like other impossible numbers.
    advisoryOverride: positiveOption(options.advisoryWindowSeconds, 'advisoryWindowSeconds', false),
    fixedBackoffMs: backoffSeconds === undefined ? undefined : backoffSeconds * 1000,
    sourceTimeoutMs: (positiveOption(options.sourceTimeoutSeconds, 'sourceTimeoutSeconds', false) ?? DEFAULT_SOURCE_TIMEOUT_SECONDS) * 1000,
    perMinute: positiveOption(options.maxSourceCallsPerMinute, 'maxSourceCallsPerMinute', false) ?? DEFAULT_SOURCE_CALLS_PER_MINUTE,
    onEvent: options.onEvent,
  };
}

/** Expiration as ms since epoch; Infinity when absent; NaN when unusable. */
function expirationMs(value: unknown): number {
  if (value === undefined || value === null) return Infinity;
  if (value instanceof Date) return value.getTime();
  if (typeof value === 'string' || typeof value === 'number') return new Date(value).getTime();
  return NaN;
}

/** What is wrong with a source's answer, without its values; undefined when it is usable. */
function credentialsProblem(credentials: unknown, expiresAt: number): string | undefined {
  if (typeof credentials !== 'object' || credentials === null) return `${credentials === null ? 'null' : typeof credentials} instead of credentials`;
  const c = credentials as Record<string, unknown>;
  if (typeof c.accessKeyId !== 'string' || c.accessKeyId === '') return `credentials without an accessKeyId string (got ${typeof c.accessKeyId})`;
  if (typeof c.secretAccessKey !== 'string' || c.secretAccessKey === '') return `credentials without a secretAccessKey string (got ${typeof c.secretAccessKey})`;
  if (Number.isNaN(expiresAt)) {
    const kind = c.expiration instanceof Date ? 'an invalid Date' : `a ${typeof c.expiration} that is not a date`;
    return `credentials whose expiration is ${kind} (expected a Date, an ISO 8601 string or ms since the epoch)`;
  }
  return undefined;
}

export class CredentialCache {
  readonly label: string;
  readonly keyHash: string | undefined;
  /** Last time the entry was asked for credentials (the registry's idle eviction reads it). */
  lastAccess: number;

  private readonly source: CredentialSource;
  private readonly settings: CacheSettings;
  private readonly now: () => number;
  private readonly random: () => number;
  private readonly background: boolean;
  private readonly onEvent: ((event: CredentialEvent) => void) | undefined;
  private readonly limiter: SourceCallLimiter;

  private credentials: AwsCredentialIdentity | undefined;
  /** One resolved promise per credentials, returned as is on the hot path (no allocation). */
  private resolved: Promise<AwsCredentialIdentity> | undefined;
  private schedule: RefreshSchedule = NEVER;
  private mandatoryMs = 0;
  private advisoryMs = 0;
  /** Hot-path bound: before it, serve the cache with no other check. */
  private serveUntil = -Infinity;
  private inflight: Promise<AwsCredentialIdentity> | undefined;
  /** The options of the last caller that reached the source, reused by timer-driven refreshes. */
  private sourceOptions: SourceOptions;
  private backoffUntil = -Infinity;
  /** After a non-recoverable failure with credentials still cached, background refreshes wait this long. */
  private backgroundRetryAt = -Infinity;
  private rememberedError: unknown;
  private rememberedUntil = -Infinity;
  private lastError: unknown;
  private staleEventSent = false;
  private usesAtFetch = 0;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private disposed = false;

  private sourceCalls = 0;
  private hits = 0;
  private staleServed = 0;
  private failures = 0;

  constructor(source: CredentialSource, options: CacheOptions | CacheSettings = {}, keyHash?: string) {
    const settings = 'perMinute' in options ? options : cacheSettings(source, options);
    this.source = source;
    this.settings = settings;
    this.label = settings.label;
    this.now = settings.now;
    this.random = settings.random;
    this.background = settings.background;
    this.onEvent = settings.onEvent;
    this.keyHash = keyHash;
    this.lastAccess = this.now();
    this.limiter = new SourceCallLimiter(settings.perMinute, this.lastAccess);
  }

  /** The hot path: one clock read, one comparison, the same resolved promise. */
  get(options: SourceOptions): Promise<AwsCredentialIdentity> {
    const now = this.now();
    this.lastAccess = now;
    if (now < this.serveUntil) {
      this.hits++;
      return this.resolved!;
    }
    return this.slowPath(now, options);
  }

  private slowPath(now: number, options: SourceOptions): Promise<AwsCredentialIdentity> {
    if (this.credentials === undefined) return this.fetchWithoutCache(now, options);
    if (now >= this.schedule.mandatoryAt) return this.mandatoryRefresh(now, options);
    if (now >= this.schedule.advisoryAt && !this.settings.advisoryInBackground) return this.advisoryRefresh(now, options);
    // refresh-due (or advisory in the background mode): the caller that starts the refresh is
    // served the cached credentials too.
    this.refreshInBackground(now, options);
    this.hits++;
    return this.resolved!;
  }

  /** `{ forceRefresh: true }` (the RDS signer passes it): one shared refresh now, still rate-limited. */
  forceRefresh(options: SourceOptions): Promise<AwsCredentialIdentity> {
    const now = this.now();
    this.lastAccess = now;
    if (this.credentials === undefined) return this.fetchWithoutCache(now, options);
    return this.mandatoryRefresh(now, options);
  }

  private fetchWithoutCache(now: number, options: SourceOptions): Promise<AwsCredentialIdentity> {
    if (this.inflight) return this.inflight;
    if (now < this.rememberedUntil) return Promise.reject(this.rememberedError);
    if (!this.limiter.tryTake(now)) {
      this.emit({ type: 'rate-limited', ...(this.lastError !== undefined && { error: errorSummary(this.lastError) }) });
      const wait = `retry in ${Math.ceil(this.limiter.waitMs(now) / 1000)} s`;
      return Promise.reject(new CredentialsUnavailableError(this.label, this.lastError, 'is rate-limited after repeated failures', wait));
    }
    return this.startRefresh(options);
  }

  /** The caller that starts the refresh gets its outcome; concurrent callers the cache at once. */
  private advisoryRefresh(now: number, options: SourceOptions): Promise<AwsCredentialIdentity> {
    if (this.inflight) {
      this.hits++;
      return this.resolved!;
    }
    return this.refreshOrServe(now, options);
  }

  private mandatoryRefresh(now: number, options: SourceOptions): Promise<AwsCredentialIdentity> {
    if (this.inflight) return this.inflight.catch((error: unknown) => this.staleOrThrow(error));
    return this.refreshOrServe(now, options);
  }

  /** A refresh this caller waits for, unless the source is to be left alone for now. */
  private refreshOrServe(now: number, options: SourceOptions): Promise<AwsCredentialIdentity> {
    if (now < this.rememberedUntil) return Promise.reject(this.rememberedError);
    if (now < this.backoffUntil) return this.serveStale();
    if (!this.limiter.tryTake(now)) {
      this.emit({ type: 'rate-limited' });
      return this.serveStale();
    }
    return this.startRefresh(options).catch((error: unknown) => this.staleOrThrow(error));
  }

  private refreshInBackground(now: number, options: SourceOptions): void {
    if (this.inflight || now < this.backoffUntil || now < this.rememberedUntil || now < this.backgroundRetryAt) return;
    if (!this.limiter.tryTake(now)) return;
    // Nobody awaits a background refresh: its failure is recorded (events, stats, backoff) and
    // must never surface as an unhandled rejection.
    this.startRefresh(options).catch(() => undefined);
  }

  private staleOrThrow(error: unknown): Promise<AwsCredentialIdentity> {
    if (isNonRecoverableCredentialError(error) || this.credentials === undefined) throw error;
    return this.serveStale();
  }

  /** Static stability: the source failed or is backing off, so the cached credentials (even expired) are served. */
  private serveStale(): Promise<AwsCredentialIdentity> {
    this.staleServed++;
    if (!this.staleEventSent) {
      // Once per failure, not per call: at 17,000 calls a minute a per-call event would flood any log.
      this.staleEventSent = true;
      this.emit({ type: 'stale-served', accessKeyId: this.credentials!.accessKeyId, expiration: this.credentials!.expiration });
    }
    return this.resolved!;
  }

  private startRefresh(options: SourceOptions): Promise<AwsCredentialIdentity> {
    this.sourceCalls++;
    if (options !== undefined) this.sourceOptions = options;
    const pending = callSource(this.source, this.sourceOptions, this.settings.sourceTimeoutMs, this.label);
    // accept() and reject() clear `inflight` themselves, synchronously with the outcome.
    const inflight = pending.then(
      (credentials) => this.accept(credentials),
      (error: unknown) => this.reject(error),
    );
    this.inflight = inflight;
    return inflight;
  }

  private accept(credentials: AwsCredentialIdentity): AwsCredentialIdentity {
    const now = this.now();
    const expiresAt = expirationMs((credentials as Partial<AwsCredentialIdentity> | null | undefined)?.expiration);
    const problem = credentialsProblem(credentials, expiresAt);
    if (problem !== undefined) return this.reject(new InvalidCredentialsError(this.label, problem));
    if (expiresAt <= now) return this.reject(new StaleCredentialsError(this.label, new Date(expiresAt), now));
    // Credentials that arrive already inside the mandatory window (an endpoint handing out the same
    // near-expiry credentials again) are a failed refresh: kept if they beat the cached ones, but the
    // source is backed off instead of being asked again on every call.
    const nearExpiry = this.credentials !== undefined && expiresAt - now <= this.mandatoryMs;
    if (nearExpiry && expiresAt <= this.schedule.expiresAt) return this.reject(new StaleCredentialsError(this.label, new Date(expiresAt), now));
    this.inflight = undefined;
    // An expiration given as a string or number (credential_process output, custom sources) is
    // handed on as a Date: the SDK, stats(), inspect and the v2 adapter call Date methods on it.
    if (credentials.expiration != null && !(credentials.expiration instanceof Date)) credentials = { ...credentials, expiration: new Date(expiresAt) };
    this.credentials = credentials;
    this.resolved = Promise.resolve(credentials);
    this.schedule = scheduleFor(now, expiresAt, this.random(), this.settings.advisoryOverride);
    this.mandatoryMs = Number.isFinite(expiresAt) ? expiresAt - this.schedule.mandatoryAt : 0;
    this.advisoryMs = Number.isFinite(expiresAt) ? expiresAt - this.schedule.advisoryAt : 0;
    this.serveUntil = this.background ? this.schedule.proactiveAt : this.schedule.advisoryAt;
    this.usesAtFetch = this.hits + this.staleServed;
    this.staleEventSent = false;
    this.rememberedError = undefined;
    this.rememberedUntil = -Infinity;
    this.backgroundRetryAt = -Infinity;
    this.emit({ type: 'refresh', accessKeyId: credentials.accessKeyId, expiration: credentials.expiration });
    if (nearExpiry) {
      const error = new StaleCredentialsError(this.label, new Date(expiresAt), now);
      this.failures++;
      this.lastError = error;
      this.emit({ type: 'refresh-failed', error: errorSummary(error) });
      this.startBackoff(now, error);
    } else {
      this.backoffUntil = -Infinity;
      this.lastError = undefined;
      this.armTimer(now);
    }
    return credentials;
  }

  /** Records the failure, then throws what the waiting callers should see. */
  private reject(error: unknown): never {
    this.inflight = undefined;
    const now = this.now();
    this.failures++;
    this.lastError = error;
    this.emit({ type: 'refresh-failed', error: errorSummary(error) });
    if (isNonRecoverableCredentialError(error)) {
      this.rememberedError = error;
      this.rememberedUntil = rememberErrorUntil(now, this.random());
      // Nobody waits on a background refresh: do not ask again every few seconds while the cached
      // credentials last. Callers in the mandatory window still try (and see the error) each time.
      if (this.credentials !== undefined) {
        this.backgroundRetryAt = now + fullBackoffMs(this.random(), this.settings.fixedBackoffMs);
        this.armTimer(now);
      }
      throw error;
    }
    if (this.credentials === undefined) {
      throw new CredentialsUnavailableError(this.label, error, error instanceof SourceTimeoutError ? 'did not answer in time' : 'failed');
    }
    this.startBackoff(now, error);
    throw error;
  }

  private startBackoff(now: number, error: unknown): void {
    this.backoffUntil = backoffEndsAt(now, this.schedule.expiresAt, this.random(), this.settings.fixedBackoffMs);
    this.staleEventSent = false;
    this.emit({ type: 'backoff', retryAt: this.backoffUntil, error: errorSummary(error) });
    this.armTimer(now);
  }

  /** The earliest time a background refresh may start. */
  private nextAttemptAt(): number {
    return Math.max(this.serveUntil, this.backoffUntil, this.rememberedUntil, this.backgroundRetryAt);
  }

  private armTimer(now: number, floor = 0): void {
    if (!this.background || this.disposed || this.credentials === undefined) return;
    const at = Math.max(this.nextAttemptAt(), now + floor);
    if (at === Infinity) return;
    if (this.timer !== undefined) clearTimeout(this.timer);
    const timer = setTimeout(() => this.onTimer(), Math.min(MAX_TIMER_MS, Math.max(0, at - now)));
    // Never keep a process alive for a refresh; Lambda freezes timers anyway (hence the access check).
    (timer as { unref?: () => void }).unref?.();
    this.timer = timer;
  }

  private onTimer(): void {
    this.timer = undefined;
    if (this.disposed || this.credentials === undefined) return;
    // Unused since the last fetch: leave it to the next access. An idle entry (one account of a
    // scanner, a tenant gone quiet) must not keep calling STS for nobody.
    if (this.hits + this.staleServed === this.usesAtFetch) return;
    const now = this.now();
    if (now >= this.nextAttemptAt()) this.refreshInBackground(now, undefined);
    if (this.inflight === undefined) this.armTimer(now, this.limiter.waitMs(now));
  }

  /** Marks the entry used (the registry handed it out); returns the entry's time. */
  touch(): number {
    this.lastAccess = this.now();
    return this.lastAccess;
  }

  invalidate(accessKeyId: string): void {
    if (this.credentials === undefined || this.credentials.accessKeyId !== accessKeyId) return;
    this.schedule = { expiresAt: this.schedule.expiresAt, proactiveAt: -Infinity, advisoryAt: -Infinity, mandatoryAt: -Infinity };
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
      : now >= this.serveUntil ? 'refresh-due'
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
      ...(this.credentials && Number.isFinite(this.schedule.expiresAt) && { advisoryWindowSeconds: this.advisoryMs / 1000 }),
      partitions: 1,
    };
  }

  dispose(): void {
    this.disposed = true;
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = undefined;
  }

  /** Dropped from the registry. */
  evict(): void {
    this.emit({ type: 'evicted' });
    this.dispose();
  }

  private emit(event: Omit<CredentialEvent, 'source' | 'key'>): void {
    if (!this.onEvent) return;
    try {
      this.onEvent({ ...event, source: this.label, ...(this.keyHash !== undefined && { key: this.keyHash }) });
    } catch {
      // The hook is for observation; it must not break credential resolution.
    }
  }

  [Symbol.for('nodejs.util.inspect.custom')](): string {
    return redactedInspect('CredentialCache', this.label, this.stats());
  }

  toJSON(): Record<string, unknown> {
    return { type: 'CredentialCache', source: this.label, ...this.stats() };
  }
}
