// How many fetches one identity's credentials justify over a window.

/** Used when neither DurationSeconds nor an Expiration was seen: the AssumeRole default. */
export const DEFAULT_LIFETIME_SECONDS = 3600;

/**
 * One fetch for the first credentials, one overlap for a refresh, then one per quarter lifetime.
 * A quarter, not a whole lifetime: a well-behaved cache may refresh that early (the SDKs refresh
 * in the last 5 minutes; this package's runtime, for credentials of 20 minutes or less, caps its
 * advisory window at half the lifetime and starts a jittered refresh up to a quarter before it).
 * The incidents this catches are a fetch per request: hundreds over a budget of 2.
 */
export function budgetFor(windowSeconds: number, lifetimeSeconds: number): number {
  return 2 + Math.floor(windowSeconds / (lifetimeSeconds / 4));
}
