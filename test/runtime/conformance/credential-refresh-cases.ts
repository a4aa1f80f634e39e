// The 24 cases of the AWS SDKs' 2026 cross-SDK credential-refresh test data (smithy-lang/smithy-rs,
// aws/rust-runtime/aws-runtime/test-data/credential-refresh-tests.json, revision of 2026-08-17),
// transcribed as facts: each case keeps its documentation as its name; the steps and expectations
// are the data's, in our own shape. The harness is credential-refresh.unit.test.ts.

export type CachedAtStart = 'none' | 'valid' | 'advisory' | 'mandatory' | 'expired';
export type SourceResponse = 'freshCredentials' | 'staleCredentials' | 'error' | 'nonRecoverableError';
export type ExpectedResult = 'cachedCredentials' | 'newCredentials' | 'noCredentialsError' | 'nonRecoverableError';

export interface Expected {
  readonly result: ExpectedResult;
  readonly sourceContacted: boolean;
  readonly rateLimited: boolean;
  readonly advisoryWindowSeconds?: number;
}

export type Step =
  | { readonly type: 'getCredentials'; readonly response?: SourceResponse; readonly lifetimeSeconds?: number; readonly note?: string; readonly expected: Expected }
  | { readonly type: 'advanceTime'; readonly seconds: number }
  | { readonly type: 'invalidate'; readonly rejectedAccessKeyId: string };

export interface Given {
  readonly cachedCredentials: CachedAtStart;
  readonly accessKeyId?: string;
  readonly refreshBackoffSeconds?: number;
  readonly configuredAdvisoryWindowSeconds?: number;
}

export interface RefreshCase {
  readonly name: string;
  readonly given: Given;
  readonly steps: readonly Step[];
}

export const CREDENTIAL_REFRESH_CASES: readonly RefreshCase[] = [
  {
    name: 'Valid cached credentials: no refresh is attempted and the caller receives the cached credentials.',
    given: { cachedCredentials: 'valid' },
    steps: [
      { type: 'getCredentials', expected: { result: 'cachedCredentials', sourceContacted: false, rateLimited: false } },
    ],
  },
  {
    name: 'Advisory window, refresh succeeds: the caller receives the newly refreshed credentials.',
    given: { cachedCredentials: 'advisory' },
    steps: [
      { type: 'getCredentials', response: 'freshCredentials', expected: { result: 'newCredentials', sourceContacted: true, rateLimited: false } },
    ],
  },
  {
    name: 'Advisory window, refresh fails: the resolver applies the refresh backoff and the caller receives the existing cached credentials.',
    given: { cachedCredentials: 'advisory' },
    steps: [
      { type: 'getCredentials', response: 'error', expected: { result: 'cachedCredentials', sourceContacted: true, rateLimited: false } },
    ],
  },
  {
    name: 'Mandatory window, refresh succeeds: the caller receives the newly refreshed credentials.',
    given: { cachedCredentials: 'mandatory' },
    steps: [
      { type: 'getCredentials', response: 'freshCredentials', expected: { result: 'newCredentials', sourceContacted: true, rateLimited: false } },
    ],
  },
  {
    name: 'Mandatory window, refresh fails: the resolver applies the refresh backoff and the caller receives the cached credentials.',
    given: { cachedCredentials: 'mandatory' },
    steps: [
      { type: 'getCredentials', response: 'error', expected: { result: 'cachedCredentials', sourceContacted: true, rateLimited: false } },
    ],
  },
  {
    name: 'Expired credentials are refreshed successfully: the caller receives the newly refreshed credentials.',
    given: { cachedCredentials: 'expired' },
    steps: [
      { type: 'getCredentials', response: 'freshCredentials', expected: { result: 'newCredentials', sourceContacted: true, rateLimited: false } },
    ],
  },
  {
    name: 'Expired credentials, refresh fails: the resolver applies the refresh backoff and the caller receives the expired cached credentials rather than raising.',
    given: { cachedCredentials: 'expired' },
    steps: [
      { type: 'getCredentials', response: 'error', expected: { result: 'cachedCredentials', sourceContacted: true, rateLimited: false } },
    ],
  },
  {
    name: 'No cached credentials and the initial fetch fails: the SDK raises, since there are no cached credentials to fall back on. The next call retries and succeeds.',
    given: { cachedCredentials: 'none' },
    steps: [
      { type: 'getCredentials', response: 'error', expected: { result: 'noCredentialsError', sourceContacted: true, rateLimited: false } },
      { type: 'getCredentials', response: 'freshCredentials', expected: { result: 'newCredentials', sourceContacted: true, rateLimited: false } },
    ],
  },
  {
    name: 'Advisory window, source returns stale credentials (Expiration at or before now): treated as a failed refresh. The resolver applies the refresh backoff and returns the existing cached credentials.',
    given: { cachedCredentials: 'advisory' },
    steps: [
      { type: 'getCredentials', response: 'staleCredentials', expected: { result: 'cachedCredentials', sourceContacted: true, rateLimited: false } },
    ],
  },
  {
    name: 'Mandatory window, source returns stale credentials: same as the advisory case, treated as a failed refresh.',
    given: { cachedCredentials: 'mandatory' },
    steps: [
      { type: 'getCredentials', response: 'staleCredentials', expected: { result: 'cachedCredentials', sourceContacted: true, rateLimited: false } },
    ],
  },
  {
    name: 'A 10-minute credential lifetime selects the 5-minute advisory window (lifetime <= 20 minutes).',
    given: { cachedCredentials: 'none' },
    steps: [
      { type: 'getCredentials', response: 'freshCredentials', lifetimeSeconds: 600, expected: { result: 'newCredentials', sourceContacted: true, rateLimited: false, advisoryWindowSeconds: 300 } },
    ],
  },
  {
    name: 'A 20.5-minute credential lifetime selects the 15-minute advisory window (lifetime > 20 and < 90 minutes).',
    given: { cachedCredentials: 'none' },
    steps: [
      { type: 'getCredentials', response: 'freshCredentials', lifetimeSeconds: 1230, expected: { result: 'newCredentials', sourceContacted: true, rateLimited: false, advisoryWindowSeconds: 900 } },
    ],
  },
  {
    name: 'A 6-hour credential lifetime selects the 60-minute advisory window (lifetime >= 90 minutes).',
    given: { cachedCredentials: 'none' },
    steps: [
      { type: 'getCredentials', response: 'freshCredentials', lifetimeSeconds: 21600, expected: { result: 'newCredentials', sourceContacted: true, rateLimited: false, advisoryWindowSeconds: 3600 } },
    ],
  },
  {
    name: 'After a successful refresh returns credentials with a different lifetime, the SDK recomputes the advisory window. The first credentials have a 6-hour lifetime (60-minute window); after advancing into that window, the refreshed credentials have a 10-minute lifetime (5-minute window).',
    given: { cachedCredentials: 'none' },
    steps: [
      { type: 'getCredentials', response: 'freshCredentials', lifetimeSeconds: 21600, note: 'Initial fetch returns 6-hour credentials, selecting the 60-minute advisory window.', expected: { result: 'newCredentials', sourceContacted: true, rateLimited: false, advisoryWindowSeconds: 3600 } },
      { type: 'advanceTime', seconds: 18060 },
      { type: 'getCredentials', response: 'freshCredentials', lifetimeSeconds: 600, note: '59 minutes remain until expiration, inside the 60-minute advisory window, so the SDK refreshes. The new 10-minute credentials select the 5-minute advisory window.', expected: { result: 'newCredentials', sourceContacted: true, rateLimited: false, advisoryWindowSeconds: 300 } },
    ],
  },
  {
    name: 'A customer-configured advisory window overrides the table. Credentials with a 6-hour lifetime would map to 60 minutes, but the configured 30-minute window is used instead.',
    given: { cachedCredentials: 'none', configuredAdvisoryWindowSeconds: 1800 },
    steps: [
      { type: 'getCredentials', response: 'freshCredentials', lifetimeSeconds: 21600, expected: { result: 'newCredentials', sourceContacted: true, rateLimited: false, advisoryWindowSeconds: 1800 } },
    ],
  },
  {
    name: 'Advisory window, non-recoverable failure: the SDK raises immediately. No refresh backoff is applied, but the error is cached for up to 5 seconds, so a recovering call succeeds once that cache expires.',
    given: { cachedCredentials: 'advisory' },
    steps: [
      { type: 'getCredentials', response: 'nonRecoverableError', note: 'Non-recoverable failure: the SDK raises and does not apply the refresh backoff.', expected: { result: 'nonRecoverableError', sourceContacted: true, rateLimited: false } },
      { type: 'advanceTime', seconds: 6 },
      { type: 'getCredentials', response: 'freshCredentials', note: 'The non-recoverable error cache (max 5 seconds) has expired, so this call contacts the source again and succeeds.', expected: { result: 'newCredentials', sourceContacted: true, rateLimited: false } },
    ],
  },
  {
    name: 'Mandatory window, non-recoverable failure: the SDK raises immediately. No refresh backoff is applied, but the error is cached for up to 5 seconds, so a recovering call succeeds once that cache expires.',
    given: { cachedCredentials: 'mandatory' },
    steps: [
      { type: 'getCredentials', response: 'nonRecoverableError', note: 'Non-recoverable failure: the SDK raises and does not apply the refresh backoff.', expected: { result: 'nonRecoverableError', sourceContacted: true, rateLimited: false } },
      { type: 'advanceTime', seconds: 6 },
      { type: 'getCredentials', response: 'freshCredentials', note: 'The non-recoverable error cache (max 5 seconds) has expired, so this call contacts the source again and succeeds.', expected: { result: 'newCredentials', sourceContacted: true, rateLimited: false } },
    ],
  },
  {
    name: 'Non-recoverable error, then an immediate retry with no clock advance: the error is still cached, so the SDK re-raises it without contacting the source. This protects the credential source from an application that swallows the error and retries in a loop.',
    given: { cachedCredentials: 'advisory' },
    steps: [
      { type: 'getCredentials', response: 'nonRecoverableError', note: 'Non-recoverable failure: the SDK raises and caches the error for up to 5 seconds.', expected: { result: 'nonRecoverableError', sourceContacted: true, rateLimited: false } },
      { type: 'getCredentials', note: 'Immediate retry with no clock advance. The cached error is still active, so the SDK re-raises it without contacting the source.', expected: { result: 'nonRecoverableError', sourceContacted: false, rateLimited: false } },
    ],
  },
  {
    name: 'Invalidate with an access key ID matching the cached credentials routes the next getCredentials through the mandatory refresh path, and the refresh succeeds.',
    given: { cachedCredentials: 'valid', accessKeyId: 'AKID-1' },
    steps: [
      { type: 'invalidate', rejectedAccessKeyId: 'AKID-1' },
      { type: 'getCredentials', response: 'freshCredentials', expected: { result: 'newCredentials', sourceContacted: true, rateLimited: false } },
    ],
  },
  {
    name: 'Invalidate with a matching access key ID routes the next getCredentials through the mandatory refresh path; the refresh fails and the SDK continues using the cached credentials.',
    given: { cachedCredentials: 'valid', accessKeyId: 'AKID-1' },
    steps: [
      { type: 'invalidate', rejectedAccessKeyId: 'AKID-1' },
      { type: 'getCredentials', response: 'error', expected: { result: 'cachedCredentials', sourceContacted: true, rateLimited: false } },
    ],
  },
  {
    name: 'Invalidate during an active backoff: the SDK does not contact the credential source. Once the refresh backoff has elapsed, the next getCredentials attempts a refresh.',
    given: { cachedCredentials: 'expired', accessKeyId: 'AKID-1', refreshBackoffSeconds: 420 },
    steps: [
      { type: 'getCredentials', response: 'error', note: 'Refresh fails, so the SDK applies the refresh backoff.', expected: { result: 'cachedCredentials', sourceContacted: true, rateLimited: false } },
      { type: 'advanceTime', seconds: 60 },
      { type: 'invalidate', rejectedAccessKeyId: 'AKID-1' },
      { type: 'getCredentials', note: '60s elapsed and the refresh backoff has not yet elapsed, so even after invalidation the SDK does not contact the credential source.', expected: { result: 'cachedCredentials', sourceContacted: false, rateLimited: true } },
      { type: 'advanceTime', seconds: 425 },
      { type: 'getCredentials', response: 'freshCredentials', note: '485s elapsed total and the refresh backoff has elapsed, so the SDK contacts the credential source and the refresh succeeds.', expected: { result: 'newCredentials', sourceContacted: true, rateLimited: false } },
    ],
  },
  {
    name: 'Invalidate with a stale access key ID (a concurrent refresh already replaced the credentials): the cache is unchanged and the next getCredentials does not contact the source.',
    given: { cachedCredentials: 'valid', accessKeyId: 'AKID-2' },
    steps: [
      { type: 'invalidate', rejectedAccessKeyId: 'AKID-1' },
      { type: 'getCredentials', expected: { result: 'cachedCredentials', sourceContacted: false, rateLimited: false } },
    ],
  },
  {
    name: 'After a failed refresh, the SDK does not contact the credential source again until the refresh backoff has elapsed.',
    given: { cachedCredentials: 'expired', refreshBackoffSeconds: 420 },
    steps: [
      { type: 'getCredentials', response: 'error', note: 'Refresh fails, so the SDK applies the refresh backoff.', expected: { result: 'cachedCredentials', sourceContacted: true, rateLimited: false } },
      { type: 'advanceTime', seconds: 300 },
      { type: 'getCredentials', note: '300s elapsed and the refresh backoff has not yet elapsed, so the SDK does not contact the credential source.', expected: { result: 'cachedCredentials', sourceContacted: false, rateLimited: true } },
      { type: 'advanceTime', seconds: 425 },
      { type: 'getCredentials', response: 'freshCredentials', note: '725s elapsed total and the refresh backoff has elapsed, so the SDK contacts the credential source and the refresh succeeds.', expected: { result: 'newCredentials', sourceContacted: true, rateLimited: false } },
    ],
  },
  {
    name: 'No cached credentials and the initial fetch fails with a non-recoverable error: the SDK raises the error directly rather than a generic NoCredentialsError. No refresh backoff is applied, but the error is cached for up to 5 seconds, so a recovering call succeeds once that cache expires.',
    given: { cachedCredentials: 'none' },
    steps: [
      { type: 'getCredentials', response: 'nonRecoverableError', note: 'Non-recoverable failure: the SDK raises and does not apply the refresh backoff.', expected: { result: 'nonRecoverableError', sourceContacted: true, rateLimited: false } },
      { type: 'advanceTime', seconds: 6 },
      { type: 'getCredentials', response: 'freshCredentials', note: 'The non-recoverable error cache (max 5 seconds) has expired, so this call contacts the source again and succeeds.', expected: { result: 'newCredentials', sourceContacted: true, rateLimited: false } },
    ],
  },
];
