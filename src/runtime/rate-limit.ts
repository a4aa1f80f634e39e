// A token bucket over source calls, per cache entry: a retry loop against a failing source with
// nothing cached cannot turn into a flood of STS or container-endpoint calls.

/** One call a second sustained is far above any healthy refresh rate (one per credential lifetime). */
export const DEFAULT_SOURCE_CALLS_PER_MINUTE = 60;
/** Enough for a few invalidations in a row after a key rotation, without waiting. */
const BURST = 10;

export class SourceCallLimiter {
  private tokens: number;
  private updatedAt: number;
  private readonly perMs: number;
  private readonly capacity: number;

  constructor(callsPerMinute: number, now: number) {
    this.perMs = callsPerMinute / 60_000;
    this.capacity = Math.max(1, Math.min(BURST, callsPerMinute));
    this.tokens = this.capacity;
    this.updatedAt = now;
  }

  tryTake(now: number): boolean {
    this.tokens = Math.min(this.capacity, this.tokens + Math.max(0, now - this.updatedAt) * this.perMs);
    this.updatedAt = now;
    if (this.tokens < 1) return false;
    this.tokens -= 1;
    return true;
  }
}
