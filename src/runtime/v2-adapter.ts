// An object the aws-sdk v2 clients accept as `credentials`. v2 duck-types credentials: it calls
// `get(callback)` (see aws-sdk/lib/config.js getCredentials) and then reads accessKeyId,
// secretAccessKey and sessionToken. Every `get` goes through the cache, so refreshes propagate.
import type { AwsCredentialIdentity, CredentialSource } from './types.js';

type Callback = (error?: Error | null) => void;

const current = new WeakMap<V2Credentials, AwsCredentialIdentity>();
const sources = new WeakMap<V2Credentials, CredentialSource>();

export class V2Credentials {
  expired = true;
  expireTime: Date | null = null;

  constructor(provider: CredentialSource) {
    sources.set(this, provider);
  }

  get accessKeyId(): string | undefined {
    return current.get(this)?.accessKeyId;
  }
  get secretAccessKey(): string | undefined {
    return current.get(this)?.secretAccessKey;
  }
  get sessionToken(): string | undefined {
    return current.get(this)?.sessionToken;
  }

  /** Always true: the cache behind decides, cheaply, whether the source is called. */
  needsRefresh(): boolean {
    return true;
  }

  get(callback: Callback): void {
    sources.get(this)!().then(
      (credentials) => {
        current.set(this, credentials);
        this.expired = false;
        this.expireTime = credentials.expiration ?? null;
        callback(null);
      },
      (error: Error) => callback(error),
    );
  }

  getPromise(): Promise<void> {
    return new Promise((resolve, reject) => this.get((error) => (error ? reject(error) : resolve())));
  }

  refresh(callback: Callback): void {
    this.get(callback);
  }

  refreshPromise(): Promise<void> {
    return this.getPromise();
  }

  toJSON(): Record<string, unknown> {
    return { type: 'V2Credentials', accessKeyId: this.accessKeyId, expireTime: this.expireTime };
  }

  [Symbol.for('nodejs.util.inspect.custom')](): string {
    return `V2Credentials { accessKeyId=${this.accessKeyId ?? '(not loaded)'} expired=${this.expired} }`;
  }
}

export function toV2Credentials(provider: CredentialSource): V2Credentials {
  return new V2Credentials(provider);
}
