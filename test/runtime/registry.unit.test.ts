// sharedCredentials: stable, total keys; one factory call per key; bounds; isolation per key.
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { clearSharedCredentials, configureSharedCredentials, sharedCredentials, sharedCredentialsSize, stableKey } from '../../src/runtime/index.js';
import { MIN, countingSource, deferred, failingSource, manualClock } from './support.js';

afterEach(() => {
  clearSharedCredentials();
  configureSharedCredentials({ maxEntries: 1_000, idleEvictionSeconds: 3_600 });
});

const config = fc.record({
  roleArn: fc.string(),
  externalId: fc.option(fc.string(), { nil: undefined }),
  sessionName: fc.string(),
  policy: fc.option(fc.string(), { nil: undefined }),
  region: fc.constantFrom('us-east-1', 'eu-west-1', 'ap-southeast-2'),
  source: fc.record({ accessKeyId: fc.string(), profile: fc.option(fc.string(), { nil: null }) }),
});

describe('stableKey', () => {
  it('ignores property order', () => {
    fc.assert(
      fc.property(fc.dictionary(fc.string(), fc.oneof(fc.string(), fc.integer(), fc.boolean(), fc.constant(null))), (object) => {
        const reversed = Object.fromEntries(Object.entries(object).reverse());
        expect(stableKey(reversed)).toBe(stableKey(object));
      }),
    );
  });

  it('never maps two different configurations to one key', () => {
    fc.assert(
      fc.property(config, config, (a, b) => {
        fc.pre(JSON.stringify(a) !== JSON.stringify(b) || Object.keys(a).length !== Object.keys(b).length);
        expect(stableKey(a)).not.toBe(stableKey(b));
      }),
    );
  });

  it('keeps types apart', () => {
    const keys = ['1', 1, true, 'true', null, 'null', undefined, [1], { 0: 1 }, new Date(1), 1n, -0, 0].map(stableKey);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it.each([
    ['a function', { provider: () => undefined }],
    ['a symbol', { s: Symbol('x') }],
    ['a class instance', { m: new Map() }],
  ])('refuses %s', (_name, key) => {
    expect(() => stableKey(key)).toThrow(TypeError);
  });

  it('refuses cycles', () => {
    const key: Record<string, unknown> = { a: 1 };
    key.self = key;
    expect(() => stableKey(key)).toThrow(/cycle/);
  });
});

describe('sharedCredentials', () => {
  it('runs the factory once per key and shares the entry, whatever the property order', async () => {
    const clock = manualClock();
    let factories = 0;
    const source = countingSource(clock, 60 * MIN);
    const get = (key: object) => sharedCredentials(key, () => (factories++, source.fn), { now: clock.now, backgroundRefresh: false });
    const a = get({ roleArn: 'r', region: 'us-east-1' });
    const b = get({ region: 'us-east-1', roleArn: 'r' });
    expect(b).toBe(a);
    await Promise.all([a(), b(), a()]);
    expect(factories).toBe(1);
    expect(source.calls).toBe(1);
    expect(get({ roleArn: 'r', region: 'eu-west-1' })).not.toBe(a);
  });

  it('is bounded: the least recently used entry goes first', () => {
    configureSharedCredentials({ maxEntries: 3 });
    const clock = manualClock();
    const make = (key: string) => sharedCredentials(key, () => countingSource(clock, MIN).fn, { now: clock.now, backgroundRefresh: false });
    const a = make('a');
    make('b');
    make('c');
    make('a');
    make('d');
    expect(sharedCredentialsSize()).toBe(3);
    expect(make('a')).toBe(a);
    let created = false;
    sharedCredentials('b', () => ((created = true), countingSource(clock, MIN).fn), { now: clock.now, backgroundRefresh: false });
    expect(created).toBe(true);
  });

  it('evicts idle entries', () => {
    configureSharedCredentials({ idleEvictionSeconds: 60 });
    const clock = manualClock();
    const options = { now: clock.now, backgroundRefresh: false };
    const a = sharedCredentials('idle', () => countingSource(clock, MIN).fn, options);
    clock.advance(10 * MIN);
    sharedCredentials('other', () => countingSource(clock, MIN).fn, options);
    expect(sharedCredentials('idle', () => countingSource(clock, MIN).fn, options)).not.toBe(a);
  });

  it('isolates keys: a denied or slow account never delays or breaks another', async () => {
    const clock = manualClock();
    const slow = deferred();
    const denied = failingSource('AccessDenied');
    const options = { now: clock.now, backgroundRefresh: false };
    const stuck = sharedCredentials({ account: 'slow' }, () => async () => (await slow.promise, { accessKeyId: 'SLOW', secretAccessKey: 's' }), options);
    const bad = sharedCredentials({ account: 'denied' }, () => denied.fn, options);
    const good = sharedCredentials({ account: 'good' }, () => countingSource(clock, 60 * MIN).fn, options);
    const pending = stuck();
    await expect(bad()).rejects.toMatchObject({ name: 'AccessDenied' });
    const results = await Promise.all(Array.from({ length: 20 }, () => good()));
    expect(results.every((c) => c.accessKeyId === results[0]!.accessKeyId)).toBe(true);
    slow.resolve();
    await expect(pending).resolves.toMatchObject({ accessKeyId: 'SLOW' });
  });
});
