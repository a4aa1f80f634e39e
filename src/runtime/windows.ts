// When credentials are refreshed, from their lifetime (expiration - time fetched). All results are
// plain numbers (ms since epoch), computed once when credentials arrive, so the hot path compares
// one number and builds no Date.

const MINUTE_MS = 60_000;

/** From this lifetime on, the table applies exactly; below it, half the lifetime caps the window. */
const TABLE_FROM_LIFETIME_MS = 10 * MINUTE_MS;

/**
 * Advisory window: lifetime <= 20 min -> 5 min; < 90 min -> 15 min; otherwise 60 min. These are the
 * AWS SDKs' 2026 cross-SDK refresh windows, applied exactly for every lifetime of 10 minutes or more
 * (20.5 min -> 15 min, 6 h -> 60 min): long enough for a refresh to succeed with the SDK's retries,
 * short enough not to waste much of a session. Below 10 minutes (seconds in tests; no STS session
 * is that short) the window is at most half the lifetime, so such credentials do not refresh on
 * every call. An override replaces the table, still capped at half the lifetime.
 */
export function advisoryWindowMs(lifetimeMs: number, overrideSeconds?: number): number {
  const table = lifetimeMs <= 20 * MINUTE_MS ? 5 * MINUTE_MS : lifetimeMs < 90 * MINUTE_MS ? 15 * MINUTE_MS : 60 * MINUTE_MS;
  if (overrideSeconds !== undefined) return Math.max(0, Math.min(overrideSeconds * 1000, lifetimeMs / 2));
  return lifetimeMs >= TABLE_FROM_LIFETIME_MS ? table : Math.max(0, Math.min(table, lifetimeMs / 2));
}

/**
 * Mandatory window: min(60 s, advisory). Inside it callers wait for fresh credentials: 60 s covers
 * clock skew and a request signed now but received a little later.
 */
export function mandatoryWindowMs(advisoryMs: number): number {
  return Math.min(MINUTE_MS, advisoryMs);
}

/**
 * The proactive refresh point, drawn in (advisoryAt - span, advisoryAt - span / 2], where span is
 * half the advisory window (or of the time before it, if shorter). Random, so a fleet started
 * together does not refresh in lock-step; at least span / 2 before the advisory window, so the
 * refresh lands before anyone could have to wait for it, even when the advisory and mandatory
 * windows coincide (short-lived credentials). For 1-hour credentials: between 37.5 and 41.25 min.
 */
export function proactiveRefreshAt(fetchedAt: number, advisoryAt: number, advisoryMs: number, random: number): number {
  const span = Math.max(0, Math.min(advisoryMs, advisoryAt - fetchedAt)) / 2;
  return advisoryAt - span / 2 - (span / 2) * random;
}

export interface RefreshSchedule {
  readonly expiresAt: number;
  /** From here on a refresh is due, served from the cache meanwhile (background refresh only). */
  readonly proactiveAt: number;
  readonly advisoryAt: number;
  readonly mandatoryAt: number;
}

/** Credentials without an expiration are kept until invalidated. */
export const NEVER: RefreshSchedule = { expiresAt: Infinity, proactiveAt: Infinity, advisoryAt: Infinity, mandatoryAt: Infinity };

export function scheduleFor(fetchedAt: number, expiresAt: number, random: number, advisoryOverrideSeconds?: number): RefreshSchedule {
  if (!Number.isFinite(expiresAt)) return NEVER;
  const advisoryMs = advisoryWindowMs(expiresAt - fetchedAt, advisoryOverrideSeconds);
  const advisoryAt = expiresAt - advisoryMs;
  return {
    expiresAt,
    proactiveAt: proactiveRefreshAt(fetchedAt, advisoryAt, advisoryMs, random),
    advisoryAt,
    // When the advisory window is under 2 min (short-lived credentials, or a small override) the
    // mandatory window would swallow it; keep half of it non-blocking, so a refresh on access can
    // land before anyone must wait.
    mandatoryAt: expiresAt - Math.min(mandatoryWindowMs(advisoryMs), advisoryMs / 2),
  };
}
