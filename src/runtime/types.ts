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

/** Any SDK v3 credential provider, or an async function returning credentials. */
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
  readonly error?: { readonly name: string; readonly message: string };
  /** For 'backoff': when the source may be called again (ms since epoch). */
  readonly retryAt?: number;
}

export interface CacheOptions {
  /** Label of the source in errors and events, e.g. `fromTemporaryCredentials(reader)`. */
  readonly name?: string;
  /** Clock in ms since the epoch. */
  readonly now?: () => number;
  /** Randomness in [0, 1), for jitter and backoff. */
  readonly random?: () => number;
  /** Refresh in the background ahead of the advisory window (default true). */
  readonly backgroundRefresh?: boolean;
  /** Overrides the advisory window from the lifetime table. */
  readonly advisoryWindowSeconds?: number;
  /** A fixed backoff after a recoverable failure, instead of a random 300-600 s. */
  readonly refreshBackoffSeconds?: number;
  /** Sustained source calls allowed per minute for this entry (default 60, burst 10). */
  readonly maxSourceCallsPerMinute?: number;
  /** Receives refresh, failure, stale-served and backoff events; exceptions it throws are ignored. */
  readonly onEvent?: (event: CredentialEvent) => void;
}

export interface CacheStats {
  readonly state: 'empty' | 'valid' | 'refresh-due' | 'advisory' | 'mandatory' | 'expired';
  readonly sourceCalls: number;
  readonly hits: number;
  readonly staleServed: number;
  readonly failures: number;
  readonly refreshing: boolean;
  readonly accessKeyId?: string;
  readonly expiration?: Date;
  /** When the source may be called again after a recoverable failure (ms since epoch). */
  readonly backoffUntil?: number;
}

export interface CachedCredentialProvider {
  (options?: Record<string, any>): Promise<AwsCredentialIdentity>;
  /** @aws-sdk/core skips its own per-client cache for providers marked memoized. */
  memoized: true;
  /** Forget the credentials if `rejectedAccessKeyId` is the cached one (e.g. after ExpiredToken). */
  invalidate(rejectedAccessKeyId: string): void;
  stats(): CacheStats;
  /** Stops the background timer. The provider keeps working on access. */
  dispose(): void;
}
