// Proactive background refresh: an unref()ed timer at a jittered point before the advisory window.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ts from 'typescript';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { cacheCredentials } from '../../src/runtime/index.js';
import { HOUR, MIN, SEC, countingSource, flakySource } from './support.js';
import { clockAt, gate, microflush, gatedSource, callers, resetRuntimeState } from './gated-source.js';

afterEach(() => resetRuntimeState());

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

describe('proactive refresh', () => {
  beforeEach(() => void vi.useFakeTimers({ now: Date.UTC(2026, 10, 23, 12) }));

  // With fake timers that are never advanced, timers are frozen (as in a frozen Lambda): only the
  // check on access can start the proactive refresh. The clock moves through `now` alone.
  it.each([0, 0.5, 0.999])('frozen timers, random %d: an access past the jittered point refreshes in the background and returns the cached credentials at once', async (r) => {
    const clock = clockAt();
    const s = gatedSource(clock);
    const provider = cacheCredentials(s.fn, { now: clock.now, random: () => r });
    const first = await provider();
    const due = (() => {
      // Find the proactive point to the second from stats (bounded scan over the 45 min before the advisory window).
      const probe = clockAt(clock.now());
      for (let t = 0; t <= 45 * 60; t++) {
        probe.set(clock.start + t * SEC);
        if (cacheStateAt(provider, clock, probe.now()) !== 'valid') return t * SEC;
      }
      return NaN;
    })();
    // The point lies before the 45-min advisory start, earlier for larger draws.
    expect(due).toBeLessThan(45 * MIN);
    clock.set(clock.start + due - SEC);
    await provider();
    expect(s.calls).toBe(1);
    const held = gate();
    s.hold = held.promise;
    clock.set(clock.start + due);
    const group = callers(20, () => provider());
    await microflush();
    expect(group.count()).toBe(20);
    expect(group.settled.every((c) => c === first)).toBe(true);
    expect(s.calls).toBe(2);
    held.open();
    await microflush();
    expect((await provider()).accessKeyId).toBe('ASIAAUDIT0000002');
    provider.dispose();
    proactivePoints.set(r, due);
  });

  it('the proactive point moves earlier as random grows', () => {
    const [a, b, c] = [proactivePoints.get(0)!, proactivePoints.get(0.5)!, proactivePoints.get(0.999)!];
    expect(a).toBeGreaterThan(b);
    expect(b).toBeGreaterThan(c);
  });

  it('the timer fires at the jittered point (injected clock driven by the fake timers), and dispose() clears it', async () => {
    const now = () => Date.now();
    const s = gatedSource({ now });
    const provider = cacheCredentials(s.fn, { now, random: () => 0.5 });
    await provider();
    await provider(); // in use
    expect(vi.getTimerCount()).toBe(1);
    await vi.advanceTimersByTimeAsync(30 * MIN);
    expect(s.calls).toBe(1);
    await vi.advanceTimersByTimeAsync(15 * MIN - 1); // just before the advisory window
    expect(s.calls).toBe(2);
    provider.dispose();
    expect(vi.getTimerCount()).toBe(0);
    await vi.advanceTimersByTimeAsync(5 * HOUR);
    expect(s.calls).toBe(2);
  });

  it('the timer is unref()ed: it never keeps the process alive', async () => {
    const now = () => Date.now();
    const seen: { hasRef?: () => boolean }[] = [];
    const real = setTimeout;
    const spy = vi.spyOn(globalThis, 'setTimeout').mockImplementation(((fn: () => void, ms?: number) => {
      const timer = real(fn, ms);
      seen.push(timer as never);
      return timer;
    }) as typeof setTimeout);
    try {
      const provider = cacheCredentials(gatedSource({ now }).fn, { now });
      await provider();
      expect(seen.length).toBeGreaterThan(0);
      for (const timer of seen) expect(timer.hasRef?.()).toBe(false);
      provider.dispose();
    } finally {
      spy.mockRestore();
    }
  });

  it('backgroundRefresh: false: no timer, and no refresh before the advisory window (the proactive point is off)', async () => {
    const clock = clockAt();
    const s = gatedSource(clock);
    const provider = cacheCredentials(s.fn, { now: clock.now, random: () => 0.999, backgroundRefresh: false });
    await provider();
    expect(vi.getTimerCount()).toBe(0);
    clock.advance(45 * MIN - 1);
    await provider();
    expect(s.calls).toBe(1);
    expect(provider.stats().state).toBe('valid');
  });
});

const proactivePoints = new Map<number, number>();

/** The state the provider reports at time t (stats reads the injected clock). */
function cacheStateAt(provider: { stats(): { state: string } }, clock: { set(t: number): void; now(): number }, t: number): string {
  const saved = clock.now();
  clock.set(t);
  const state = provider.stats().state;
  clock.set(saved);
  return state;
}
