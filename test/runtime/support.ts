// Test doubles for the runtime's unit tests: a manual clock and counting credential sources.
import type { AwsCredentialIdentity } from '../../src/runtime/index.js';

export const SEC = 1000;
export const MIN = 60 * SEC;
export const SECRET = 'wJalrXUtnFEMI-TEST-SECRET-do-not-print';
export const TOKEN = 'FwoGZXIvYXdzE-TEST-SESSION-TOKEN-do-not-print';

export function manualClock(start = Date.UTC(2026, 10, 23)): { now: () => number; advance(ms: number): void } {
  let time = start;
  return { now: () => time, advance: (ms) => void (time += ms) };
}

export function deferred(): { promise: Promise<void>; resolve(): void } {
  let resolve!: () => void;
  const promise = new Promise<void>((r) => (resolve = r));
  return { promise, resolve };
}

export interface CountingSource {
  calls: number;
  fn: () => Promise<AwsCredentialIdentity>;
}

/** A source that issues new credentials (lifetime ms, or none) per call, after an optional wait. */
export function countingSource(clock: { now: () => number }, lifetimeMs: number | undefined, wait?: () => Promise<void> | undefined): CountingSource {
  const source: CountingSource = {
    calls: 0,
    fn: async () => {
      source.calls++;
      const n = source.calls;
      await wait?.();
      return {
        accessKeyId: `ASIATEST${String(n).padStart(8, '0')}`,
        secretAccessKey: SECRET,
        sessionToken: TOKEN,
        ...(lifetimeMs !== undefined && { expiration: new Date(clock.now() + lifetimeMs) }),
      };
    },
  };
  return source;
}

/** A source that fails with an error of the given name (as the SDKs shape them). */
export function failingSource(name: string): { calls: number; fn: () => Promise<AwsCredentialIdentity> } {
  const source = {
    calls: 0,
    fn: async (): Promise<AwsCredentialIdentity> => {
      source.calls++;
      const error = new Error(`${name}: simulated`);
      error.name = name;
      throw error;
    },
  };
  return source;
}
