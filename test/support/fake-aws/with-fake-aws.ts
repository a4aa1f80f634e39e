// The set-up every real-SDK test file needs, once: start the fake before the file's tests, point
// the SDKs' environment at it, reset its counters after each test, restore the environment and
// close it after the file.
import { afterAll, afterEach, beforeAll } from 'vitest';
import { applyEnv, env, type EnvOptions } from './env.js';
import { startFakeAws } from './server.js';
import type { FakeAws, FakeAwsOptions } from './types.js';

export interface WithFakeAwsOptions {
  readonly fake?: FakeAwsOptions;
  readonly env?: EnvOptions;
  /** More environment variables, given the started fake (a config file with profiles, say). */
  readonly extraEnv?: (fake: FakeAws) => Record<string, string>;
  /** Runs after each test, before the counters are reset (clear a registry, reconfigure faults). */
  readonly afterEach?: (fake: FakeAws) => void;
}

/**
 * Registers the hooks and returns the file's fake: an object that forwards to the server once
 * `beforeAll` has started it (using it earlier throws, naming the cause).
 */
export function withFakeAws(options: WithFakeAwsOptions = {}): FakeAws {
  let started: FakeAws | undefined;
  let restoreEnv: (() => void) | undefined;
  beforeAll(async () => {
    started = await startFakeAws(options.fake);
    restoreEnv = applyEnv({ ...env(started, options.env), ...options.extraEnv?.(started) });
  });
  afterEach(() => {
    if (started === undefined) return;
    options.afterEach?.(started);
    started.reset();
  });
  afterAll(async () => {
    restoreEnv?.();
    await started?.close();
    started = undefined;
  });
  return new Proxy({} as FakeAws, {
    get(_target, property) {
      if (started === undefined) throw new Error(`withFakeAws: fake.${String(property)} used outside the tests (the server starts in beforeAll).`);
      const value = Reflect.get(started, property, started) as unknown;
      return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(started) : value;
    },
  });
}
