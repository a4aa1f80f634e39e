// The public shapes of the fake AWS endpoint server.

/** Which role ARNs a fault applies to: one ARN, a list or set of ARNs, a pattern, or a predicate. */
export type RoleMatcher = string | readonly string[] | ReadonlySet<string> | RegExp | ((roleArn: string) => boolean);

/** Latency per endpoint in ms. `assumeRole` (every credential-issuing STS action) and `getCallerIdentity` win over `sts`. */
export interface LatencyMs {
  readonly sts?: number;
  readonly assumeRole?: number;
  readonly getCallerIdentity?: number;
  readonly container?: number;
  readonly imds?: number;
  readonly sso?: number;
  readonly service?: number;
}

export interface ContainerRateLimit {
  /** Sustained requests per second (ECS agent default 40). */
  readonly perSecond: number;
  /** Bucket size (ECS agent default 60). */
  readonly burst: number;
}

export interface FakeAwsOptions {
  /** Clock in ms since the epoch, for issued expirations and the token bucket (default Date.now). */
  readonly now?: () => number;
  /** A single number applies to every endpoint. */
  readonly latencyMs?: number | LatencyMs;
  /**
   * Lifetime of every issued credential in seconds. When set it wins over AssumeRole's
   * DurationSeconds (so tests can issue 8-second STS credentials); when unset STS uses
   * DurationSeconds ?? 3600 and the container and IMDS endpoints use 3600.
   */
  readonly credentialLifetimeSeconds?: number;
  /** AssumeRole* answers 403 AccessDenied for these roles. */
  readonly deny?: RoleMatcher;
  /** AssumeRole* answers 400 Throttling ("Rate exceeded") for these roles. */
  readonly throttle?: RoleMatcher;
  /** AssumeRole* answers a 5xx (serverErrorStatus) for these roles. */
  readonly serverError?: RoleMatcher;
  /** Status for `serverError` (default 500 InternalFailure; 503 answers ServiceUnavailable). */
  readonly serverErrorStatus?: number;
  /** Token bucket of the ECS container endpoint; `false` turns it off. Default { perSecond: 40, burst: 60 }. */
  readonly containerRateLimit?: ContainerRateLimit | false;
  /** Path of the container credentials endpoint (default `/creds`). */
  readonly containerPath?: string;
  /** The role the container and instance credentials belong to. */
  readonly containerRoleArn?: string;
  readonly instanceRoleArn?: string;
  /** Requests signed with an expired issued key are answered with ExpiredToken (default true). */
  readonly rejectExpired?: boolean;
  /** Account and ARN reported for long-term (non-issued) keys by GetCallerIdentity. */
  readonly baseIdentityArn?: string;
}

export type IssuedBy = 'sts' | 'container' | 'imds' | 'sso';

/** A credential the fake handed out. */
export interface IssuedCredentials {
  readonly accessKeyId: string;
  readonly secretAccessKey: string;
  readonly sessionToken: string;
  /** ms since the epoch (whole seconds, as STS serialises it). */
  readonly expiresAt: number;
  readonly issuedAt: number;
  readonly issuedBy: IssuedBy;
  readonly roleArn: string;
  readonly sessionName: string;
}

export interface AssumeRoleRecord {
  readonly at: number;
  readonly action: string;
  readonly roleArn: string;
  readonly sessionName: string | undefined;
  readonly externalId: string | undefined;
  readonly durationSeconds: number | undefined;
  /** The access key that signed the AssumeRole request (the caller's base credentials). */
  readonly callerAccessKeyId: string | undefined;
  readonly outcome: 'ok' | 'denied' | 'throttled' | 'server-error' | 'expired-caller';
  readonly accessKeyId?: string;
}

export interface ServiceRecord {
  readonly at: number;
  /** Signing name from the credential scope, e.g. `s3`, `kinesis`, `sts`. */
  readonly service: string;
  /** `PutObject`, `GetRecords`, `GetCallerIdentity`, or `METHOD /path` when unknown. */
  readonly operation: string;
  readonly accessKeyId: string | undefined;
  readonly status: number;
}

export interface RoleStats {
  /** AssumeRole* requests for this role, whatever the outcome. */
  assumeRole: number;
  issued: number;
  denied: number;
  throttled: number;
  serverErrors: number;
  /** Arrival times (fake clock) of every AssumeRole* request. */
  readonly times: number[];
  readonly sessionNames: (string | undefined)[];
  readonly externalIds: (string | undefined)[];
}

export interface FakeAwsCalls {
  /** AssumeRole, AssumeRoleWithWebIdentity, GetSessionToken requests (all outcomes). */
  assumeRole: number;
  getCallerIdentity: number;
  /** SSO GetRoleCredentials requests (all outcomes). */
  sso: number;
  /** Container credential requests answered 200. */
  container: number;
  /** Container credential requests answered 429. */
  containerRejected: number;
  /** IMDS credential documents served (GET .../security-credentials/<role>). */
  imds: number;
  imdsToken: number;
  /** Every request to /latest/... */
  imdsRequests: number;
  /** Non-STS service requests (S3 PutObject, Kinesis, anything else), answered with a generic 200. */
  other: number;
  /** The same count as `other` (the name earlier callers used). */
  service: number;
  /** Requests refused because the signing key had expired. */
  expired: number;
  /** Requests signed with an unknown temporary (ASIA) key. */
  invalidKey: number;
}

export interface FakeAws {
  /** `http://127.0.0.1:PORT`, for AWS_ENDPOINT_URL, AWS_EC2_METADATA_SERVICE_ENDPOINT and v2 `endpoint`. */
  readonly url: string;
  readonly port: number;
  /** `http://127.0.0.1:PORT/creds`, for AWS_CONTAINER_CREDENTIALS_FULL_URI. */
  readonly containerUri: string;
  readonly calls: FakeAwsCalls;
  /** Per role ARN (AssumeRole*). */
  readonly roles: Map<string, RoleStats>;
  readonly assumeRoleRequests: AssumeRoleRecord[];
  /** Every signed non-STS request and every GetCallerIdentity. */
  readonly serviceRequests: ServiceRecord[];
  /** Requests per signing access key (all signed requests, STS included). */
  readonly signedBy: Map<string, number>;
  /** Every credential handed out, by access key id. */
  readonly issued: Map<string, IssuedCredentials>;
  /** Role ARN behind an issued key, or undefined for base / unknown keys. */
  roleOf(accessKeyId: string | undefined): string | undefined;
  /** Current configuration (read-only view); change it with configure(). */
  readonly options: Readonly<FakeAwsOptions>;
  /** Merges into the configuration (e.g. `configure({ deny: arn })`, `configure({ deny: undefined })`). */
  configure(patch: Partial<FakeAwsOptions>): void;
  /** Clears counters, records and issued keys, and refills the container bucket. Configuration stays. */
  reset(): void;
  close(): Promise<void>;
}
