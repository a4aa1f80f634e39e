// How long the source is left alone after a failure. Pure functions of the clock and randomness.

/**
 * Random 300-600 s after a recoverable failure (throttling, network, 5xx, timeout): the AWS SDKs'
 * static stability backoff. Long enough for STS throttling or an endpoint outage to pass without
 * every process retrying in step; short enough that fresh credentials arrive well within an
 * advisory window.
 */
const BACKOFF_MIN_MS = 300_000;
const BACKOFF_SPAN_MS = 300_000;
/**
 * The shortest backoff while the cached credentials are still valid: one source attempt with the
 * SDK's retries takes seconds, so retrying more often than every 10 s near expiry only adds load
 * to a source that is failing.
 */
const RETRY_BEFORE_EXPIRY_MIN_MS = 10_000;
/**
 * Random 1-5 s during which a non-recoverable error (AccessDenied...) is raised again without a
 * source call: stops a tight retry loop, yet a fixed policy is seen within seconds. The 2026
 * cross-SDK behaviour's range.
 */
const REMEMBER_ERROR_MIN_MS = 1_000;
const REMEMBER_ERROR_SPAN_MS = 4_000;

/** The specified backoff: `fixedMs` if configured, else random in 300-600 s. */
export function fullBackoffMs(random: number, fixedMs: number | undefined): number {
  return fixedMs ?? BACKOFF_MIN_MS + random * BACKOFF_SPAN_MS;
}

/**
 * When the source may be called again after a recoverable failure at `now`. While the cached
 * credentials are valid, the backoff ends by half their remaining life (at least 10 s), so a retry
 * lands before they expire, and the next failure halves again; once they have expired, the full
 * backoff holds (static stability: they keep being served meanwhile).
 */
export function backoffEndsAt(now: number, expiresAt: number, random: number, fixedMs: number | undefined): number {
  const full = fullBackoffMs(random, fixedMs);
  const left = expiresAt - now;
  if (!(left > 0) || !Number.isFinite(left)) return now + full;
  return now + Math.min(full, Math.max(RETRY_BEFORE_EXPIRY_MIN_MS, left / 2));
}

/** Until when a non-recoverable error is raised again without a source call. */
export function rememberErrorUntil(now: number, random: number): number {
  return now + REMEMBER_ERROR_MIN_MS + random * REMEMBER_ERROR_SPAN_MS;
}
