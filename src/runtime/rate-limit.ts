// A token bucket over source calls, per cache entry: a retry loop against a failing source with
// nothing cached cannot turn into a flood of STS or container-endpoint calls.

/**
 * 60 a minute, i.e. one call a second sustained: far above any healthy refresh rate (one per
 * credential lifetime) and far below what gets throttled (the ECS agent's container endpoint allows
 * a few calls a second per container; STS AssumeRole is throttled per account at a few hundred a
 * second, shared by every process in it).
 */
export const DEFAULT_SOURCE_CALLS_PER_MINUTE = 60;
/** Up to 10 calls at once: a few invalidations or retries in a row after a key rotation, without waiting. */
const SOURCE_CALL_BURST = 10;

export class SourceCallLimiter {
  private tokens: number;
  private updatedAt: number;
  private readonly perMs: number;
  private readonly capacity: number;

  constructor(callsPerMinute: number, now: number) {
    this.perMs = callsPerMinute / 60_000;
    this.capacity = Math.max(1, Math.min(SOURCE_CALL_BURST, callsPerMinute));
    this.tokens = this.capacity;
    this.updatedAt = now;
  }

  tryTake(now: number): boolean {
    this.refill(now);
    if (this.tokens < 1) return false;
    this.tokens -= 1;
    return true;
  }

  /** Milliseconds until tryTake can succeed (0 if it can now). */
  waitMs(now: number): number {
    this.refill(now);
    return this.tokens >= 1 ? 0 : Math.ceil((1 - this.tokens) / this.perMs);
  }

  private refill(now: number): void {
    this.tokens = Math.min(this.capacity, this.tokens + Math.max(0, now - this.updatedAt) * this.perMs);
    this.updatedAt = Math.max(this.updatedAt, now);
  }
}
