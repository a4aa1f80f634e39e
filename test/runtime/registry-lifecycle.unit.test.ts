// The registry's entries over their life: handed out, disposed, evicted in recency order, and one
// registry per process even when the package is loaded twice (its ESM and CommonJS builds).
import { afterEach, describe, expect, it, vi } from 'vitest';
import { clearSharedCredentials, configureSharedCredentials, sharedCredentials, sharedCredentialsSize } from '../../src/runtime/index.js';
import { HOUR, countingSource, manualClock } from './support.js';

afterEach(() => {
  clearSharedCredentials();
  configureSharedCredentials({ maxEntries: 1_000, idleEvictionSeconds: 3_600 });
});

describe('dispose() of a shared provider', () => {
  it('removes it from the registry: the next call with its key creates a new entry', async () => {
    const clock = manualClock();
    const options = { now: clock.now, backgroundRefresh: false };
    let factoryCalls = 0;
    const factory = () => (factoryCalls++, countingSource(clock, HOUR).fn);
    const first = sharedCredentials({ roleArn: 'r' }, factory, options);
    await first();
    first.dispose();
    expect(sharedCredentialsSize()).toBe(0);
    const second = sharedCredentials({ roleArn: 'r' }, factory, options);
    expect(second).not.toBe(first);
    expect(factoryCalls).toBe(2);
    first.dispose(); // disposing the old one again leaves the new entry alone
    expect(sharedCredentials({ roleArn: 'r' }, factory, options)).toBe(second);
    await expect(first()).resolves.toMatchObject({ accessKeyId: 'ASIATEST00000001' }); // still works when held
  });
});

describe('eviction order', () => {
  it('evicts the least recently handed out entry; one used directly since gets a second chance', async () => {
    configureSharedCredentials({ maxEntries: 3 });
    const clock = manualClock();
    const options = { now: clock.now, backgroundRefresh: false };
    const make = (key: string) => sharedCredentials(key, () => countingSource(clock, HOUR).fn, options);
    const a = make('a');
    clock.advance(1);
    const b = make('b');
    clock.advance(1);
    const c = make('c');
    clock.advance(1);
    await a(); // a hoisted and called directly: used after b and c were handed out
    make('d'); // evicts b, not a
    expect(make('a')).toBe(a);
    expect(make('c')).toBe(c);
    expect(make('b')).not.toBe(b);
    expect(sharedCredentialsSize()).toBe(3);
  });

  it('stays bounded over many new keys', () => {
    configureSharedCredentials({ maxEntries: 100 });
    const factory = () => async () => ({ accessKeyId: 'a', secretAccessKey: 's' });
    for (let i = 0; i < 5_000; i++) sharedCredentials(`key-${i}`, factory, { backgroundRefresh: false });
    expect(sharedCredentialsSize()).toBe(100);
    configureSharedCredentials({ maxEntries: 10 });
    expect(sharedCredentialsSize()).toBe(10);
  });
});

describe('one registry per process', () => {
  it('two loaded copies of the runtime (as the ESM and CommonJS builds are) share entries', async () => {
    vi.resetModules();
    // A query string makes the loader evaluate the module again: a second copy, as a second build is.
    const specifier = '../../src/runtime/registry.js?copy';
    const copy = (await import(/* @vite-ignore */ specifier)) as typeof import('../../src/runtime/registry.js');
    expect(copy.sharedCredentials).not.toBe(sharedCredentials);
    const factory = () => async () => ({ accessKeyId: 'ASIASHARED', secretAccessKey: 's' });
    const ours = sharedCredentials({ roleArn: 'shared' }, factory, { backgroundRefresh: false });
    expect(copy.sharedCredentials({ roleArn: 'shared' }, factory, { backgroundRefresh: false })).toBe(ours);
    expect(copy.sharedCredentialsSize()).toBe(sharedCredentialsSize());
    copy.clearSharedCredentials();
    expect(sharedCredentialsSize()).toBe(0);
  });
});
