// clearSharedCredentials(): the registry starts over. Entries created before it must be out of
// reach afterwards: no entry counted, no timer armed, and a provider still held from before (whose
// dispose() unregisters it) cannot touch the new registry's entries or keep the old ones alive.
import { runInNewContext } from 'node:vm';
import { setFlagsFromString } from 'node:v8';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { clearSharedCredentials, configureSharedCredentials, sharedCredentials, sharedCredentialsSize, type CachedCredentialProvider } from '../../src/runtime/index.js';
import { HOUR, countingSource, manualClock } from './support.js';
import { resetRuntimeState } from './gated-source.js';

afterEach(() => resetRuntimeState());

describe('clearSharedCredentials()', () => {
  it('empties the registry: the next sharedCredentials call with a known key calls the factory again', async () => {
    const clock = manualClock();
    let factoryCalls = 0;
    const source = countingSource(clock, HOUR);
    const factory = () => (factoryCalls++, source.fn);
    const options = { now: clock.now, backgroundRefresh: false };
    const before = sharedCredentials({ roleArn: 'a' }, factory, options);
    sharedCredentials({ roleArn: 'b' }, factory, options);
    await before();
    expect(sharedCredentialsSize()).toBe(2);
    clearSharedCredentials();
    expect(sharedCredentialsSize()).toBe(0);
    const after = sharedCredentials({ roleArn: 'a' }, factory, options);
    expect(after).not.toBe(before);
    expect(factoryCalls).toBe(3);
    expect(sharedCredentialsSize()).toBe(1);
    await after();
    expect(source.calls).toBe(2); // the new entry starts empty
  });

  it('stops every entry’s refresh timer, partitions included', async () => {
    vi.useFakeTimers({ now: Date.UTC(2026, 10, 23) });
    const clock = { now: () => Date.now() };
    const sources = [countingSource(clock, HOUR), countingSource(clock, HOUR)];
    const a = sharedCredentials({ roleArn: 'a' }, () => sources[0]!.fn, { now: clock.now });
    const b = sharedCredentials({ roleArn: 'b' }, () => sources[1]!.fn, { now: clock.now });
    await a();
    await a({ callerClientConfig: { profile: 'other', region: 'eu-west-1' } }); // a second partition, its own timer
    await b();
    await a();
    await b();
    expect(vi.getTimerCount()).toBe(3);
    clearSharedCredentials();
    expect(vi.getTimerCount()).toBe(0);
    await vi.advanceTimersByTimeAsync(3 * HOUR);
    expect(sources.map((source) => source.calls)).toEqual([2, 1]); // no background refresh after the clear
  });

  it('a provider from before, disposed after the clear, leaves the new registry intact', async () => {
    const clock = manualClock();
    const options = { now: clock.now, backgroundRefresh: false };
    const factory = () => countingSource(clock, HOUR).fn;
    const oldA = sharedCredentials('a', factory, options);
    clock.advance(1);
    const oldB = sharedCredentials('b', factory, options);
    clearSharedCredentials();
    clock.advance(1);
    const newA = sharedCredentials('a', factory, options);
    clock.advance(1);
    const newC = sharedCredentials('c', factory, options);
    oldA.dispose();
    oldB.dispose();
    expect(sharedCredentialsSize()).toBe(2);
    // The new entries are still found, in recency order...
    expect(sharedCredentials('a', factory, options)).toBe(newA);
    expect(sharedCredentials('c', factory, options)).toBe(newC);
    // ...and still bounded: the least recently handed out goes first.
    configureSharedCredentials({ maxEntries: 1 });
    expect(sharedCredentialsSize()).toBe(1);
    expect(sharedCredentials('c', factory, options)).toBe(newC);
    configureSharedCredentials({ maxEntries: 1_000 });
    expect(sharedCredentials('a', factory, options)).not.toBe(newA);
    expect(sharedCredentialsSize()).toBe(2);
    newA.dispose(); // disposed after its eviction: nothing changes
    expect(sharedCredentialsSize()).toBe(2);
  });

  it('a provider from before does not keep the other cleared entries alive', async () => {
    setFlagsFromString('--expose-gc');
    const gc = runInNewContext('gc') as () => void;
    const factory = () => async () => ({ accessKeyId: 'ASIAGC', secretAccessKey: 'not-a-secret' });
    // Built in a function so that no local of this test holds the others.
    const make = (): { held: CachedCredentialProvider; others: WeakRef<CachedCredentialProvider>[] } => {
      const held = sharedCredentials('held', factory, { backgroundRefresh: false });
      const others = ['x', 'y', 'z'].map((key) => new WeakRef(sharedCredentials(key, factory, { backgroundRefresh: false })));
      return { held, others };
    };
    const { held, others } = make();
    clearSharedCredentials();
    let alive = others.length;
    for (let attempt = 0; attempt < 5 && alive > 0; attempt++) {
      // A WeakRef's target lives at least until the current job ends.
      await new Promise<void>((resolve) => setImmediate(resolve));
      gc();
      alive = others.filter((ref) => ref.deref() !== undefined).length;
    }
    expect(alive).toBe(0);
    expect(typeof held).toBe('function'); // held to the end
  });
});
