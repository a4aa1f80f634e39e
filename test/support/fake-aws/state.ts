// The fake's mutable state, shared by the endpoint handlers.
import { TokenBucket } from './token-bucket.js';
import type { AssumeRoleRecord, FakeAwsCalls, FakeAwsOptions, IssuedCredentials, LatencyMs, RoleStats, ServiceRecord } from './types.js';
import type { SigningInfo } from './signing.js';

const DEFAULT_CONTAINER_RATE_LIMIT = { perSecond: 40, burst: 60 } as const;
const DEFAULT_LIFETIME_SECONDS = 3600;

export interface FakeRequest {
  readonly method: string;
  readonly url: URL;
  readonly headers: Record<string, string | string[] | undefined>;
  readonly body: Buffer;
  readonly signing: SigningInfo | undefined;
}

export interface Reply {
  readonly status: number;
  readonly headers?: Record<string, string>;
  readonly body?: string;
  /** Which latency knob applies. */
  readonly endpoint: keyof LatencyMs;
}

function emptyCalls(): FakeAwsCalls {
  return { assumeRole: 0, getCallerIdentity: 0, sso: 0, container: 0, containerRejected: 0, imds: 0, imdsToken: 0, imdsRequests: 0, other: 0, service: 0, expired: 0, invalidKey: 0 };
}

export class FakeState {
  options: FakeAwsOptions;
  readonly calls: FakeAwsCalls = emptyCalls();
  readonly roles = new Map<string, RoleStats>();
  readonly assumeRoleRequests: AssumeRoleRecord[] = [];
  readonly serviceRequests: ServiceRecord[] = [];
  readonly signedBy = new Map<string, number>();
  readonly issued = new Map<string, IssuedCredentials>();
  containerBucket: TokenBucket | undefined;

  constructor(options: FakeAwsOptions) {
    this.options = { ...options };
    this.containerBucket = this.newBucket();
  }

  now(): number {
    return (this.options.now ?? Date.now)();
  }

  configure(patch: Partial<FakeAwsOptions>): void {
    const rateLimitChanged = 'containerRateLimit' in patch;
    this.options = { ...this.options, ...patch };
    if (rateLimitChanged) this.containerBucket = this.newBucket();
  }

  reset(): void {
    Object.assign(this.calls, emptyCalls());
    this.roles.clear();
    this.assumeRoleRequests.length = 0;
    this.serviceRequests.length = 0;
    this.signedBy.clear();
    this.issued.clear();
    this.containerBucket = this.newBucket();
  }

  role(roleArn: string): RoleStats {
    let stats = this.roles.get(roleArn);
    if (!stats) {
      stats = { assumeRole: 0, issued: 0, denied: 0, throttled: 0, serverErrors: 0, times: [], sessionNames: [], externalIds: [] };
      this.roles.set(roleArn, stats);
    }
    return stats;
  }

  lifetimeSeconds(requested?: number): number {
    return this.options.credentialLifetimeSeconds ?? requested ?? DEFAULT_LIFETIME_SECONDS;
  }

  latencyFor(endpoint: keyof LatencyMs): number {
    const latency = this.options.latencyMs;
    if (latency === undefined) return 0;
    if (typeof latency === 'number') return latency;
    if (endpoint === 'assumeRole' || endpoint === 'getCallerIdentity') return latency[endpoint] ?? latency.sts ?? 0;
    return latency[endpoint] ?? 0;
  }

  private newBucket(): TokenBucket | undefined {
    const limit = this.options.containerRateLimit ?? DEFAULT_CONTAINER_RATE_LIMIT;
    return limit === false ? undefined : new TokenBucket(limit.perSecond, limit.burst, this.now());
  }
}
