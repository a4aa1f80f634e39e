// An object the aws-sdk v2 clients accept as `credentials`. v2 duck-types it
// (aws-sdk/lib/config.js getCredentials: `typeof credentials.get === 'function'`), calls
// `get(callback)`, then reads accessKeyId, secretAccessKey and sessionToken synchronously to sign.
// Every `get` goes through the cache (cheap when valid), so refreshes propagate; after an
// ExpiredToken response v2 sets `credentials.expired = true` (event_listeners.js
// INVALIDATE_CREDENTIALS), which invalidates the rejected key in the cache.
import { errorSummary } from './errors.js';
import { redactSecrets } from './redact.js';
import type { AwsCredentialIdentity, CredentialSource, V2Callback, V2CredentialsLike } from './types.js';

/** v2's own default (AWS.Credentials.prototype.expiryWindow): needsRefresh() 15 s before expiry. */
const V2_EXPIRY_WINDOW_SECONDS = 15;
/**
 * How long after the adapter switched to new credentials an ExpiredToken may still come from a
 * request signed with the previous, expired ones: v2's default socket timeout (120 s) twice, plus
 * its retries' delays. Within it, the rejection is attributed to the previous key.
 */
const V2_IN_FLIGHT_GRACE_MS = 300_000;

/**
 * A fresh error per callback: v2 rewrites the error it is given in place (AWS.util.error sets
 * name, code and message to CredentialsError), and the cache hands the same remembered error to
 * every caller. Name and code stay visible (v2 keeps them in `originalError`); the source error is the cause.
 */
function forV2(error: unknown): Error {
  const { name, message } = errorSummary(error);
  const copy = new Error(redactSecrets(message), { cause: error });
  Object.assign(copy, { name, code: name });
  return copy;
}

export interface V2AdapterOptions {
  /** Clock in ms since the epoch (default `Date.now`); pass the cache's `now` in tests. */
  readonly now?: () => number;
}

export class V2Credentials implements V2CredentialsLike {
  expireTime: Date | null = null;
  expiryWindow = V2_EXPIRY_WINDOW_SECONDS;
  readonly #provider: CredentialSource & { invalidate?: (accessKeyId: string) => void };
  #current: AwsCredentialIdentity | undefined;
  /** The credentials handed out before #current, and when #current replaced them. */
  #previous: AwsCredentialIdentity | undefined;
  #switchedAt = -Infinity;
  #expired = true;

  readonly #now: () => number;

  constructor(provider: CredentialSource, options: V2AdapterOptions = {}) {
    if (typeof provider !== 'function') throw new TypeError('toV2Credentials expects a credential provider function (e.g. from cacheCredentials).');
    this.#provider = provider;
    this.#now = options.now ?? Date.now;
    // Own, enumerable and read-only: spreads and copies of the object keep the (non-secret) key id.
    Object.defineProperty(this, 'accessKeyId', { get: () => this.#current?.accessKeyId ?? '', enumerable: true });
  }

  declare readonly accessKeyId: string;

  /** Non-enumerable (on the prototype): not in JSON, spreads, or `util.inspect`. */
  get secretAccessKey(): string {
    return this.#current?.secretAccessKey ?? '';
  }

  get sessionToken(): string | undefined {
    return this.#current?.sessionToken;
  }

  get expired(): boolean {
    return this.#expired;
  }

  /** v2 sets `expired = true` after ExpiredToken: the cache then drops that key (mandatory refresh on the next get). */
  set expired(value: boolean) {
    if (value && !this.#expired && this.#current) this.#provider.invalidate?.(this.#rejectedAccessKeyId(this.#current));
    this.#expired = Boolean(value);
  }

  /**
   * v2 does not say which request failed, so the key is inferred: a request signed with the
   * previous credentials can fail after the cache moved on. If those have expired, the current
   * ones have not, and the switch was recent, the rejection is theirs (invalidating it is a no-op
   * in the cache); otherwise the current key was rejected.
   */
  #rejectedAccessKeyId(current: AwsCredentialIdentity): string {
    const now = this.#now();
    const previous = this.#previous;
    const expiredAt = (credentials: AwsCredentialIdentity): number => credentials.expiration?.getTime() ?? Infinity;
    if (previous !== undefined && expiredAt(previous) <= now && expiredAt(current) > now && now - this.#switchedAt < V2_IN_FLIGHT_GRACE_MS) {
      return previous.accessKeyId;
    }
    return current.accessKeyId;
  }

  /** v2's rule. `get` does not depend on it: the cache behind decides, cheaply, whether the source is called. */
  needsRefresh(): boolean {
    if (this.#expired || this.#current === undefined) return true;
    return this.expireTime !== null && this.#now() + this.expiryWindow * 1000 > this.expireTime.getTime();
  }

  get(callback?: V2Callback): void {
    let pending: Promise<AwsCredentialIdentity>;
    try {
      pending = Promise.resolve(this.#provider());
    } catch (error) {
      // A provider that throws instead of rejecting still answers through the callback, as v2 expects.
      callback?.(forV2(error));
      return;
    }
    pending.then(
      (credentials) => {
        if (this.#current !== undefined && this.#current.accessKeyId !== credentials.accessKeyId) {
          this.#previous = this.#current;
          this.#switchedAt = this.#now();
        }
        this.#current = credentials;
        this.#expired = false;
        this.expireTime = credentials.expiration ?? null;
        callback?.(null);
      },
      (error: unknown) => callback?.(forV2(error)),
    );
  }

  getPromise(): Promise<void> {
    return new Promise((resolve, reject) => this.get((error) => (error ? reject(error) : resolve())));
  }

  /** Through the cache as well: a forced refresh per request is exactly what the cache prevents. */
  refresh(callback?: V2Callback): void {
    this.get(callback);
  }

  refreshPromise(): Promise<void> {
    return this.getPromise();
  }

  toJSON(): Record<string, unknown> {
    return { type: 'V2Credentials', accessKeyId: this.accessKeyId || undefined, expired: this.#expired, expireTime: this.expireTime };
  }

  [Symbol.for('nodejs.util.inspect.custom')](): string {
    const expires = this.expireTime ? ` expireTime=${this.expireTime.toISOString()}` : '';
    return `V2Credentials { accessKeyId=${this.accessKeyId || '(not loaded)'} expired=${this.#expired}${expires} }`;
  }
}

/**
 * An aws-sdk v2 `credentials` object over a (cached) v3-style provider:
 * `new AWS.S3({ credentials: toV2Credentials(provider) })`. Pass a cacheCredentials or
 * sharedCredentials provider: the adapter itself caches nothing.
 */
export function toV2Credentials(provider: CredentialSource, options?: V2AdapterOptions): V2Credentials {
  return new V2Credentials(provider, options);
}
