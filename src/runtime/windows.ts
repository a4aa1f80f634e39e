// Refresh windows from the credentials' lifetime, as the AWS SDKs' 2026 cross-SDK
// credential-refresh behaviour defines them.

const MINUTE = 60_000;

/**
 * Advisory window: <= 20 min lifetime -> 5 min; < 90 min -> 15 min; otherwise 60 min.
 * These mirror the SDKs' table: long enough for a refresh to succeed with retries, short enough
 * not to waste most of a session. Capped at half the lifetime so short-lived credentials (e.g. 8 s
 * in tests, 15 min minimum for STS) do not refresh on every call.
 */
export function advisoryWindowMs(lifetimeMs: number, overrideSeconds?: number): number {
  const table = lifetimeMs <= 20 * MINUTE ? 5 * MINUTE : lifetimeMs < 90 * MINUTE ? 15 * MINUTE : 60 * MINUTE;
  const window = overrideSeconds === undefined ? table : overrideSeconds * 1000;
  return Math.min(window, lifetimeMs / 2);
}

/** Mandatory window: min(60 s, advisory). Inside it callers wait for fresh credentials. */
export function mandatoryWindowMs(advisoryMs: number): number {
  return Math.min(60_000, advisoryMs);
}

/**
 * The proactive refresh point: a random point in the half of the advisory window's length that
 * precedes the advisory window, so a fleet started together does not refresh in lock-step and
 * callers normally never reach the advisory window at all.
 */
export function proactiveRefreshAt(fetchedAt: number, advisoryAt: number, advisoryMs: number, random: number): number {
  const span = Math.max(0, Math.min(advisoryMs, advisoryAt - fetchedAt) / 2);
  return advisoryAt - span * random;
}

export interface RefreshSchedule {
  readonly expiresAt: number;
  readonly advisoryAt: number;
  readonly mandatoryAt: number;
  readonly proactiveAt: number;
}

/** Credentials without an expiration are kept until invalidated. */
export const NEVER: RefreshSchedule = { expiresAt: Infinity, advisoryAt: Infinity, mandatoryAt: Infinity, proactiveAt: Infinity };

export function scheduleFor(fetchedAt: number, expiresAt: number, random: number, advisoryOverrideSeconds?: number): RefreshSchedule {
  if (!Number.isFinite(expiresAt)) return NEVER;
  const advisoryMs = advisoryWindowMs(expiresAt - fetchedAt, advisoryOverrideSeconds);
  const advisoryAt = expiresAt - advisoryMs;
  return {
    expiresAt,
    advisoryAt,
    // For credentials of two minutes or less the mandatory window would swallow the advisory one;
    // keep half of it non-blocking so a background refresh can land before anyone must wait.
    mandatoryAt: expiresAt - Math.min(mandatoryWindowMs(advisoryMs), advisoryMs / 2),
    proactiveAt: proactiveRefreshAt(fetchedAt, advisoryAt, advisoryMs, random),
  };
}
