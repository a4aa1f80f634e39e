// The shapes the runtime accepts and returns. Structurally identical to the SDK v3 types, so no
// AWS package is imported.

export interface AwsCredentialIdentity {
  readonly accessKeyId: string;
  readonly secretAccessKey: string;
  readonly sessionToken?: string;
  readonly expiration?: Date;
  readonly credentialScope?: string;
  readonly accountId?: string;
}

/**
 * Any SDK v3 credential provider, or an async function returning credentials. The options are the
 * SDK's identity properties (e.g. `callerClientConfig`); `any` as in the SDK's own provider type, so
 * providers with a narrower parameter type (fromTemporaryCredentials) are assignable.
 */
export type CredentialSource = (options?: Record<string, any>) => Promise<AwsCredentialIdentity>;

export type CredentialEventType =
  | 'refresh'
  | 'refresh-failed'
  | 'stale-served'
  | 'backoff'
  | 'rate-limited'
  | 'invalidated'
  | 'evicted';

/** What the event hook receives. Never carries a secret key, a session token or a raw key. */
export interface CredentialEvent {
  readonly type: CredentialEventType;
  /** The source's label (`options.name`). */
  readonly source: string;
  /** A short hash of the `sharedCredentials` key, never the key itself (it may hold credentials). */
  readonly key?: string;
  /** Access key ids are identifiers, not secrets; they appear in CloudTrail. */
  readonly accessKeyId?: string;
  readonly expiration?: Date;
  /** The source's error: its name (or code) and message, nothing else. */
  readonly error?: { readonly name: string; readonly message: string };
  /** For 'backoff': when the source may be called again (ms since epoch). */
  readonly retryAt?: number;
}

export interface CacheOptions {
  /** Label of the source in errors and events, e.g. `fromTemporaryCredentials(reader)`. */
  readonly name?: string;
  /** Clock in ms since the epoch (default `Date.now`). */
  readonly now?: () => number;
  /** Randomness in [0, 1), for jitter and backoff (default `Math.random`). */
  readonly random?: () => number;
  /**
   * Refresh ahead of the advisory window, at a jittered point, from an `unref()`ed timer and on
   * access (default true). False: only the advisory and mandatory windows, no timer.
   */
  readonly backgroundRefresh?: boolean;
  /** Overrides the advisory window from the lifetime table (still capped at half the lifetime). */
  readonly advisoryWindowSeconds?: number;
  /**
   * In the advisory window the caller that starts the refresh waits for it and receives its result
   * (the 2026 cross-SDK behaviour; concurrent callers get the cached credentials at once). True:
   * that caller is served the cached credentials too and the refresh runs in the background.
   */
  readonly advisoryRefreshInBackground?: boolean;
  /** A fixed backoff after a recoverable failure, instead of a random 300-600 s. */
  readonly refreshBackoffSeconds?: number;
  /** Bound on every source call (default 30 s; Infinity: none). A timeout is a recoverable failure. */
  readonly sourceTimeoutSeconds?: number;
  /**
   * The SDK passes each client's `callerClientConfig` to the provider. Callers whose settings here
   * differ get separate entries (default: profile and region), so no client is ever handed the
   * credentials resolved for another's profile or region. `[]`: one entry for every caller.
   */
  readonly separateCallersBy?: readonly CallerSetting[];
  /** Sustained source calls allowed per minute for this entry (default 60, burst 10). */
  readonly maxSourceCallsPerMinute?: number;
  /** Receives refresh, failure, stale-served and backoff events; exceptions it throws are ignored. */
  readonly onEvent?: (event: CredentialEvent) => void;
}

/** A `callerClientConfig` setting that can change the identity a source resolves. */
export type CallerSetting = 'profile' | 'region';

export type CacheState = 'empty' | 'valid' | 'refresh-due' | 'advisory' | 'mandatory' | 'expired';

/** A snapshot of one entry. Holds no secret, so it is safe to log or serialise. */
export interface CacheStats {
  readonly state: CacheState;
  /** Calls made to the wrapped source (successful or not). */
  readonly sourceCalls: number;
  /** Calls answered from the cache without waiting. */
  readonly hits: number;
  /** Calls answered with credentials the cache would have refreshed, because the source failed or is backing off. */
  readonly staleServed: number;
  readonly failures: number;
  readonly refreshing: boolean;
  readonly accessKeyId?: string;
  readonly expiration?: Date;
  /** When the source may be called again after a recoverable failure (ms since epoch). */
  readonly backoffUntil?: number;
  /** The advisory window chosen for the cached credentials (absent without an expiration). */
  readonly advisoryWindowSeconds?: number;
  /** Entries kept for callers with different profiles or regions (separateCallersBy); 1 or more. */
  readonly partitions: number;
}

export interface CachedCredentialProvider {
  (options?: Record<string, any>): Promise<AwsCredentialIdentity>;
  /**
   * @aws-sdk/core wraps `credentials` in its own memoizer unless `credentials.memoized` is truthy,
   * and then assigns `memoized = true` itself, so the property is writable at run time.
   */
  readonly memoized: true;
  /** Forget the credentials if `rejectedAccessKeyId` is the cached one (e.g. after ExpiredToken). */
  invalidate(rejectedAccessKeyId: string): void;
  stats(): CacheStats;
  /**
   * Stops the background timers. The provider keeps working, refreshing on access; a
   * sharedCredentials provider is also removed from the registry (the next call with its key
   * creates a new entry).
   */
  dispose(): void;
}

/** What aws-sdk v2 passes to `get` and `refresh`. */
export type V2Callback = (error?: Error | null) => void;

/** What aws-sdk v2 needs of `credentials` (see aws-sdk/lib/credentials.js and config.js). */
export interface V2CredentialsLike {
  readonly accessKeyId: string;
  readonly secretAccessKey: string;
  readonly sessionToken: string | undefined;
  /** v2 sets this to true after an ExpiredToken response; the adapter then invalidates the key. */
  expired: boolean;
  expireTime: Date | null;
  /** Seconds before expireTime at which needsRefresh() turns true (v2's default, 15). */
  expiryWindow: number;
  needsRefresh(): boolean;
  get(callback?: V2Callback): void;
  getPromise(): Promise<void>;
  refresh(callback?: V2Callback): void;
  refreshPromise(): Promise<void>;
  toJSON(): Record<string, unknown>;
}
