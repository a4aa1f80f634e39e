// Test doubles for the runtime's unit tests: a manual clock, scripted randomness and counting
// credential sources. Every loop in the tests is bounded.
import type { AwsCredentialIdentity, CredentialEvent } from '../../src/runtime/index.js';

export const SEC = 1000;
export const MIN = 60 * SEC;
export const HOUR = 60 * MIN;
export const SECRET = 'wJalrXUtnFEMI-TEST-SECRET-do-not-print';
export const TOKEN = 'FwoGZXIvYXdzE-TEST-SESSION-TOKEN-do-not-print';

export const leaks = (text: string): boolean => text.includes(SECRET) || text.includes(TOKEN);

export interface ManualClock {
  now: () => number;
  advance(ms: number): void;
}

export function manualClock(start = Date.UTC(2026, 10, 23)): ManualClock {
  let time = start;
  return { now: () => time, advance: (ms) => void (time += ms) };
}

export function deferred<T = void>(): { promise: Promise<T>; resolve(value: T): void; reject(error: unknown): void } {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((res, rej) => ((resolve = res), (reject = rej)));
  return { promise, resolve, reject };
}

/** Lets every pending promise callback run (bounded: a fixed number of macrotask turns). */
export async function settle(): Promise<void> {
  for (let i = 0; i < 5; i++) await new Promise<void>((resolve) => setImmediate(resolve));
}

export interface CountingSource {
  calls: number;
  fn: (options?: Record<string, any>) => Promise<AwsCredentialIdentity>;
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

/** An error shaped as the SDKs shape them: `name` set to the error code. */
export function awsError(name: string, message = `${name}: simulated`): Error {
  const error = new Error(message);
  error.name = name;
  return error;
}

/** A source that fails with an error of the given name. */
export function failingSource(name: string): CountingSource {
  const source: CountingSource = {
    calls: 0,
    fn: async () => {
      source.calls++;
      throw awsError(name);
    },
  };
  return source;
}

/** A source that succeeds until `fail(name)`, then fails with that error until `recover()`. */
export function flakySource(clock: { now: () => number }, lifetimeMs = 60 * MIN) {
  const good = countingSource(clock, lifetimeMs);
  let failure: string | undefined;
  const state = {
    calls: 0,
    fail: (name: string) => void (failure = name),
    recover: () => void (failure = undefined),
    fn: async () => {
      state.calls++;
      if (failure !== undefined) throw awsError(failure);
      return good.fn();
    },
  };
  return state;
}

/** Scripted randomness: returns the values in turn, then the last one forever. */
export function scripted(...values: number[]): () => number {
  let i = 0;
  return () => values[Math.min(i++, values.length - 1)]!;
}

export function recorder(): { events: CredentialEvent[]; onEvent: (event: CredentialEvent) => void; types: () => string[] } {
  const events: CredentialEvent[] = [];
  return { events, onEvent: (event) => void events.push(event), types: () => events.map((event) => event.type) };
}
