// A scriptable source and the helpers the state tests share: a settable clock, a gate that holds
// source calls, bounded flushes, and concurrent callers whose settling is tracked. Every loop is
// bounded.
import { vi } from 'vitest';
import { clearSharedCredentials, configureSharedCredentials, type AwsCredentialIdentity } from '../../src/runtime/index.js';
import { HOUR, SECRET, TOKEN } from './support.js';

export function clockAt(start = Date.UTC(2026, 10, 23, 12)) {
  let time = start;
  return { now: () => time, advance: (ms: number) => void (time += ms), set: (t: number) => void (time = t), start };
}

export function gate() {
  let open!: () => void;
  const promise = new Promise<void>((resolve) => (open = resolve));
  return { promise, open };
}

/** Lets queued promise callbacks run; bounded (a few turns of the event loop, real timers only). */
export async function flush(): Promise<void> {
  for (let i = 0; i < 3; i++) await new Promise<void>((resolve) => setImmediate(resolve));
}

/** Microtask-only flush, safe under fake timers. */
export async function microflush(): Promise<void> {
  for (let i = 0; i < 20; i++) await Promise.resolve();
}

export interface GatedSource {
  calls: number;
  fn: (options?: Record<string, any>) => Promise<AwsCredentialIdentity>;
  /** While set, calls wait for this gate. */
  hold?: Promise<void>;
  /** While set, calls fail with this error (after the hold). */
  error?: unknown;
  /** Lifetime of issued credentials (ms); null: no expiration. */
  lifetime: number | null;
}

export function gatedSource(clock: { now: () => number }, lifetime: number | null = HOUR): GatedSource {
  const s: GatedSource = {
    calls: 0,
    lifetime,
    fn: async () => {
      s.calls++;
      const n = s.calls;
      if (s.hold) await s.hold;
      if (s.error !== undefined) throw s.error;
      return {
        accessKeyId: `ASIAAUDIT${String(n).padStart(7, '0')}`,
        secretAccessKey: SECRET,
        sessionToken: TOKEN,
        ...(s.lifetime !== null && { expiration: new Date(clock.now() + s.lifetime) }),
      };
    },
  };
  return s;
}

export function named(name: string, message = `${name} (simulated)`): Error {
  return Object.assign(new Error(message), { name });
}

/** Starts n calls and tracks which have settled. */
export function callers(n: number, call: () => Promise<AwsCredentialIdentity>) {
  const settled: (AwsCredentialIdentity | Error | undefined)[] = Array.from({ length: n }, () => undefined);
  const all = Array.from({ length: n }, (_, i) =>
    call().then(
      (value) => void (settled[i] = value),
      (error: Error) => void (settled[i] = error),
    ),
  );
  return { settled, done: () => Promise.all(all).then(() => settled), count: () => settled.filter((x) => x !== undefined).length };
}

/** The process-wide state a test may change: the registry, its bounds, fake timers. */
export function resetRuntimeState(): void {
  clearSharedCredentials();
  configureSharedCredentials({ maxEntries: 1_000, idleEvictionSeconds: 3_600 });
  vi.useRealTimers();
}
