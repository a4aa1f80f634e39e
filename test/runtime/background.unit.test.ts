// Proactive background refresh: an unref()ed timer at a jittered point before the advisory window.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ts from 'typescript';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { cacheCredentials } from '../../src/runtime/index.js';
import { HOUR, MIN, SEC, countingSource, flakySource } from './support.js';

const clock = { now: () => Date.now() };

describe('with fake timers', () => {
  beforeEach(() => void vi.useFakeTimers({ now: Date.UTC(2026, 10, 23) }));
  afterEach(() => void vi.useRealTimers());

  it('refreshes at the jittered proactive point, so callers never see the advisory window; dispose() stops it', async () => {
    const source = countingSource(clock, HOUR);
    const provider = cacheCredentials(source.fn, { now: clock.now, random: () => 0.5 }); // proactive at 45 - 5.625 = 39.375 min
    const first = await provider();
    await vi.advanceTimersByTimeAsync(39 * MIN);
    await provider(); // in use
    expect(source.calls).toBe(1);
    await vi.advanceTimersByTimeAsync(MIN);
    expect(source.calls).toBe(2);
    expect(await provider()).not.toBe(first);
    expect(provider.stats().state).toBe('valid');
    provider.dispose();
    await vi.advanceTimersByTimeAsync(3 * HOUR);
    expect(source.calls).toBe(2);
    expect(vi.getTimerCount()).toBe(0);
  });

  it('passes the last caller options to a timer-driven refresh', async () => {
    const seen: unknown[] = [];
    const source = countingSource(clock, HOUR);
    const provider = cacheCredentials(async (options) => (seen.push(options), source.fn()), { now: clock.now, random: () => 0 });
    const options = { callerClientConfig: { region: 'eu-west-1' } };
    await provider(options);
    await provider(options);
    await vi.advanceTimersByTimeAsync(42 * MIN);
    expect(seen).toEqual([options, options]);
    provider.dispose();
  });

  it('a process that keeps calling never waits and never sees stale credentials, hour after hour', async () => {
    const source = countingSource(clock, HOUR);
    const provider = cacheCredentials(source.fn, { now: clock.now });
    await provider();
    const states = new Set<string>();
    for (let minute = 0; minute < 6 * 60; minute++) {
      await vi.advanceTimersByTimeAsync(MIN);
      states.add(provider.stats().state);
      const credentials = await provider();
      expect(credentials.expiration!.getTime() - Date.now()).toBeGreaterThan(15 * MIN);
    }
    expect(states).toEqual(new Set(['valid']));
    expect(source.calls).toBeGreaterThanOrEqual(9); // one per 37.5-41.25 min
    expect(source.calls).toBeLessThanOrEqual(11);
    expect(provider.stats().staleServed).toBe(0);
    provider.dispose();
  });

  it('an entry nobody uses is not refreshed by the timer (idle scanner accounts must not call STS forever)', async () => {
    const source = countingSource(clock, HOUR);
    const provider = cacheCredentials(source.fn, { now: clock.now });
    await provider();
    await vi.advanceTimersByTimeAsync(5 * HOUR);
    expect(source.calls).toBe(1);
    expect(vi.getTimerCount()).toBe(0);
    await provider(); // expired: the next access refreshes
    expect(source.calls).toBe(2);
    provider.dispose();
  });

  it('after a failed background refresh, the timer tries again when the backoff ends', async () => {
    const source = flakySource(clock);
    const provider = cacheCredentials(source.fn, { now: clock.now, random: () => 0, refreshBackoffSeconds: 120 });
    const first = await provider();
    await provider();
    source.fail('Throttling');
    await vi.advanceTimersByTimeAsync(41.25 * MIN);
    expect(source.calls).toBe(2);
    source.recover();
    await vi.advanceTimersByTimeAsync(119 * SEC);
    expect(source.calls).toBe(2);
    await vi.advanceTimersByTimeAsync(2 * SEC);
    expect(source.calls).toBe(3);
    expect(await provider()).not.toBe(first);
    provider.dispose();
  });

  it('backgroundRefresh: false arms no timer', async () => {
    const source = countingSource(clock, HOUR);
    const provider = cacheCredentials(source.fn, { now: clock.now, backgroundRefresh: false });
    await provider();
    await provider();
    expect(vi.getTimerCount()).toBe(0);
    await vi.advanceTimersByTimeAsync(50 * MIN);
    expect(source.calls).toBe(1);
  });

  it('credentials without expiration arm no timer', async () => {
    const provider = cacheCredentials(countingSource(clock, undefined).fn, { now: clock.now });
    await provider();
    expect(vi.getTimerCount()).toBe(0);
  });
});

describe('with real timers', () => {
  it('the refresh timer and the source-call bound are unref()ed', async () => {
    const timers: { hasRef(): boolean }[] = [];
    const real = globalThis.setTimeout;
    const spy = vi.spyOn(globalThis, 'setTimeout').mockImplementation(((fn: () => void, ms?: number) => {
      const timer = real(fn, ms);
      timers.push(timer);
      return timer;
    }) as typeof setTimeout);
    try {
      const provider = cacheCredentials(countingSource(clock, HOUR).fn);
      await provider();
      // One bound on the source call (cleared when it answered), one refresh timer.
      expect(timers).toHaveLength(2);
      expect(timers.map((timer) => timer.hasRef())).toEqual([false, false]);
      provider.dispose();
    } finally {
      spy.mockRestore();
    }
  });

  it('does not keep a process alive (the runtime compiled on the fly, run in a child process)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'runtime-unref-'));
    try {
      const src = new URL('../../src/runtime/', import.meta.url);
      mkdirSync(join(dir, 'runtime'));
      for (const file of readdirSync(src).filter((name) => name.endsWith('.ts'))) {
        const { outputText } = ts.transpileModule(readFileSync(new URL(file, src), 'utf8'), {
          compilerOptions: { module: ts.ModuleKind.ES2022, target: ts.ScriptTarget.ES2022 },
        });
        writeFileSync(join(dir, 'runtime', file.replace(/\.ts$/, '.js')), outputText);
      }
      writeFileSync(join(dir, 'package.json'), '{"type":"module"}');
      writeFileSync(
        join(dir, 'main.js'),
        "import { cacheCredentials } from './runtime/index.js';\n" +
          "const p = cacheCredentials(async () => ({ accessKeyId: 'a', secretAccessKey: 'b', expiration: new Date(Date.now() + 3600e3) }));\n" +
          "await p(); await p(); console.log(p.stats().state);\n",
      );
      const started = Date.now();
      const out = execFileSync(process.execPath, [join(dir, 'main.js')], { timeout: 20_000, encoding: 'utf8' });
      expect(out.trim()).toBe('valid');
      expect(Date.now() - started).toBeLessThan(20_000);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
