// The shapes the watch passes between its parts and reports. None of them can hold a secret:
// they carry an action, an identity (role ARN, identity id, endpoint URL), a lifetime and stacks.

/** Where credentials came from. */
export type FetchKind = 'sts' | 'sso' | 'cognito' | 'container' | 'imds';

/** A request recognised as a credential fetch, before its identity is complete. */
export interface CredentialRequest {
  readonly kind: FetchKind;
  /** `AssumeRole`, `GetRoleCredentials`, `container`, `imds`… (undefined while a Query body is unread). */
  action: string | undefined;
  /** Role ARN, `account/role` for SSO, identity id for Cognito, endpoint URL for container and IMDS. */
  identity: string | undefined;
  /** DurationSeconds when the request names one. */
  durationSeconds: number | undefined;
  /** `scheme://host:port`, used when nothing better identifies the credentials. */
  readonly origin: string;
}

/** One observed fetch, as the ledger records it. */
export interface CredentialFetch {
  readonly kind: FetchKind;
  readonly action: string;
  readonly identity: string;
  readonly at: number;
  readonly durationSeconds: number | undefined;
  /**
   * Holds the stack captured at request time, formatted only when a report needs it, and in deep
   * mode the nearest application frames of the request's async ancestry.
   */
  readonly trigger: { readonly stack?: string; readonly ancestry?: string | undefined } | undefined;
}

export interface IdentityReport {
  readonly kind: FetchKind;
  readonly identity: string;
  readonly actions: readonly string[];
  readonly fetches: number;
  /** Seconds between the first and the last fetch. */
  readonly windowSeconds: number;
  /** The shortest lifetime seen for these credentials, or the default when none was seen. */
  readonly lifetimeSeconds: number;
  readonly budget: number;
  readonly overBudget: boolean;
  /** The first application frames of the most frequent trigger, `file:line:column (function)`. */
  readonly frames: readonly string[];
}

export interface WatchReport {
  readonly identities: readonly IdentityReport[];
}
