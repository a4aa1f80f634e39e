// sharedCredentials: stable, total keys; one factory call per key; bounds; isolation per key.
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { runInNewContext } from 'node:vm';
import { clearSharedCredentials, configureSharedCredentials, sharedCredentials, sharedCredentialsSize, stableKey } from '../../src/runtime/index.js';
import { HOUR, MIN, countingSource, deferred, failingSource, manualClock, recorder, settle } from './support.js';

afterEach(() => {
  clearSharedCredentials();
  configureSharedCredentials({ maxEntries: 1_000, idleEvictionSeconds: 3_600 });
});

/** Key values: every type a key may hold, nested. */
const { value: keyValue } = fc.letrec<{ value: unknown }>((tie) => ({
  value: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.string(),
    fc.integer(),
    fc.double(),
    fc.boolean(),
    fc.constant(null),
    fc.constant(undefined),
    fc.bigInt(),
    fc.date(),
    fc.array(tie('value'), { maxLength: 4 }),
    fc.dictionary(fc.string({ maxLength: 6 }), tie('value'), { maxKeys: 4 }),
  ),
}));

/** Data equality as sharedCredentials means it: order-insensitive objects, -0 !== 0, types distinct. */
function same(a: unknown, b: unknown): boolean {
  if (typeof a !== 'object' || a === null || typeof b !== 'object' || b === null) return Object.is(a, b);
  if (a instanceof Date || b instanceof Date) return a instanceof Date && b instanceof Date && Object.is(a.getTime(), b.getTime());
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const ka = Object.keys(a).sort();
  const kb = Object.keys(b).sort();
  return ka.length === kb.length && ka.every((k, i) => k === kb[i] && same((a as any)[k], (b as any)[k]));
}

/** A deep copy with every object's properties in reverse order. */
function permuted(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(permuted);
  if (typeof value !== 'object' || value === null || value instanceof Date) return value;
  const copy = {};
  for (const key of Object.keys(value).reverse()) Object.defineProperty(copy, key, { value: permuted((value as any)[key]), enumerable: true, writable: true, configurable: true });
  return copy;
}

const roleConfig = fc.record(
  {
    roleArn: fc.string(),
    externalId: fc.string(),
    sessionName: fc.string(),
    policy: fc.string(),
    policyArns: fc.array(fc.record({ arn: fc.string() }), { maxLength: 2 }),
    durationSeconds: fc.integer({ min: 900, max: 43_200 }),
    region: fc.constantFrom('us-east-1', 'eu-west-1', 'ap-southeast-2'),
    source: fc.record({ profile: fc.option(fc.string(), { nil: null }), accessKeyId: fc.string() }),
  },
  { requiredKeys: ['roleArn'] },
);

describe('stableKey', () => {
  it('property order does not matter, at any depth', () => {
    fc.assert(fc.property(keyValue, (value) => void expect(stableKey(permuted(value))).toBe(stableKey(value))));
  });

  it('equal keys exactly when the data is equal (any values, any nesting)', () => {
    fc.assert(fc.property(keyValue, keyValue, (a, b) => void expect(stableKey(a) === stableKey(b)).toBe(same(a, b))));
  });

  it('different role, external ID, session name, policy, region or source never share a key', () => {
    fc.assert(
      fc.property(roleConfig, roleConfig, (a, b) => {
        fc.pre(!same(a, b));
        expect(stableKey(a)).not.toBe(stableKey(b));
      }),
    );
  });

  it('changing any single field changes the key', () => {
    fc.assert(
      fc.property(roleConfig, fc.string(), (config, other) => {
        for (const field of Object.keys(config)) {
          const changed = { ...config, [field]: other };
          if (!same(changed, config)) expect(stableKey(changed)).not.toBe(stableKey(config));
        }
      }),
    );
  });

  it('keeps types apart', () => {
    const keys = ['1', 1, 1n, true, 'true', null, 'null', undefined, 'undefined', [1], ['1'], { 0: 1 }, new Date(1), 'd:1', -0, 0, NaN, [], {}, [undefined], new Array(1), { a: undefined }, ''].map(
      stableKey,
    );
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('accepts Dates from another realm and null-prototype objects', () => {
    expect(stableKey(runInNewContext('new Date(5)'))).toBe(stableKey(new Date(5)));
    expect(stableKey(Object.assign(Object.create(null), { a: 1 }))).toBe(stableKey({ a: 1 }));
  });

  it.each([
    ['a function', { provider: () => undefined }, /key\.provider is a function/],
    ['a symbol', { s: Symbol('x') }, /key\.s is a symbol/],
    ['symbol keys', { [Symbol('x')]: 1 }, /symbol keys/],
    ['a Map', { m: new Map() }, /key\.m is a Map instance/],
    ['a class instance', { client: new (class StsClient {})() }, /StsClient instance/],
    ['a boxed string', { s: new String('x') }, /String instance/],
    ['a nested function', { a: [{ b: () => 1 }] }, /key\.a\[0\]\.b is a function/],
    ['an array with extra properties', Object.assign([1], { extra: 2 }), /extra properties/],
  ])('refuses %s with a TypeError naming the path', (_name, key, message) => {
    expect(() => stableKey(key)).toThrow(TypeError);
    expect(() => stableKey(key)).toThrow(message);
  });

  it('refuses cycles, but not the same object twice', () => {
    const key: Record<string, unknown> = { a: 1 };
    key.self = key;
    expect(() => stableKey(key)).toThrow(/cycles/);
    const shared = { x: 1 };
    expect(() => stableKey({ a: shared, b: [shared] })).not.toThrow();
  });
});

describe('sharedCredentials', () => {
  it('runs the factory once per key and shares the entry, whatever the property order', async () => {
    const clock = manualClock();
    let factories = 0;
    const source = countingSource(clock, HOUR);
    const get = (key: Record<string, unknown>) => sharedCredentials(key, () => (factories++, source.fn), { now: clock.now, backgroundRefresh: false });
    const a = get({ roleArn: 'r', region: 'us-east-1', tags: { team: 'x', env: 'prod' } });
    const b = get({ tags: { env: 'prod', team: 'x' }, region: 'us-east-1', roleArn: 'r' });
    expect(b).toBe(a);
    await Promise.all(Array.from({ length: 50 }, () => get({ region: 'us-east-1', roleArn: 'r', tags: { team: 'x', env: 'prod' } })()));
    expect(factories).toBe(1);
    expect(source.calls).toBe(1);
    expect(get({ roleArn: 'r', region: 'eu-west-1', tags: { team: 'x', env: 'prod' } })).not.toBe(a);
    expect(factories).toBe(2);
  });

  it('accepts string and array keys', () => {
    const factory = () => async () => ({ accessKeyId: 'a', secretAccessKey: 'b' });
    expect(sharedCredentials('reader', factory)).toBe(sharedCredentials('reader', factory));
    expect(sharedCredentials(['reader', 1], factory)).not.toBe(sharedCredentials(['reader', '1'], factory));
  });

  it('a factory that throws creates no entry; the next call tries again', () => {
    expect(() =>
      sharedCredentials('k', () => {
        throw new Error('bad config');
      }),
    ).toThrow('bad config');
    expect(sharedCredentialsSize()).toBe(0);
    expect(() => sharedCredentials({ f: () => 1 }, () => async () => ({ accessKeyId: 'a', secretAccessKey: 'b' }))).toThrow(TypeError);
  });

  it('is bounded: past maxEntries the least recently used entry is evicted and disposed', async () => {
    configureSharedCredentials({ maxEntries: 3 });
    const clock = manualClock();
    const log = recorder();
    const make = (key: string) => sharedCredentials(key, () => countingSource(clock, HOUR).fn, { now: clock.now, backgroundRefresh: false, onEvent: log.onEvent });
    const a = make('a');
    clock.advance(1);
    const b = make('b');
    clock.advance(1);
    make('c');
    clock.advance(1);
    await a(); // a used most recently, b least
    make('d');
    expect(sharedCredentialsSize()).toBe(3);
    expect(make('a')).toBe(a);
    expect(log.types()).toContain('evicted');
    expect(log.events.find((e) => e.type === 'evicted')?.key).toMatch(/^[0-9a-f]{8}$/);
    let created = false;
    const b2 = sharedCredentials('b', () => ((created = true), countingSource(clock, HOUR).fn), { now: clock.now, backgroundRefresh: false });
    expect(created).toBe(true);
    expect(b2).not.toBe(b);
    await expect(b()).resolves.toMatchObject({ accessKeyId: 'ASIATEST00000001' }); // an evicted provider still held keeps working
  });

  it('configureSharedCredentials shrinks at once and validates its bounds', () => {
    const factory = () => async () => ({ accessKeyId: 'a', secretAccessKey: 'b' });
    for (let i = 0; i < 10; i++) sharedCredentials(`k${i}`, factory, { backgroundRefresh: false });
    configureSharedCredentials({ maxEntries: 4 });
    expect(sharedCredentialsSize()).toBe(4);
    expect(() => configureSharedCredentials({ maxEntries: 0 })).toThrow(RangeError);
    expect(() => configureSharedCredentials({ idleEvictionSeconds: -1 })).toThrow(RangeError);
  });

  it('evicts entries idle longer than idleEvictionSeconds (and disposes them)', async () => {
    configureSharedCredentials({ idleEvictionSeconds: 60 });
    const clock = manualClock();
    const log = recorder();
    const options = { now: clock.now, backgroundRefresh: false, onEvent: log.onEvent };
    const idle = sharedCredentials('idle', () => countingSource(clock, HOUR).fn, options);
    const busy = sharedCredentials('busy', () => countingSource(clock, HOUR).fn, options);
    for (let i = 0; i < 10; i++) {
      clock.advance(30_000);
      await busy(); // used directly, never looked up again: still counts as use
    }
    sharedCredentials('other', () => countingSource(clock, HOUR).fn, options);
    expect(sharedCredentials('busy', () => countingSource(clock, HOUR).fn, options)).toBe(busy);
    expect(sharedCredentials('idle', () => countingSource(clock, HOUR).fn, options)).not.toBe(idle);
    expect(log.types().filter((t) => t === 'evicted')).toHaveLength(1);
  });

  it('isolates keys: a denied, slow or throttled account never delays or breaks another', async () => {
    const clock = manualClock();
    const slow = deferred();
    const denied = failingSource('AccessDenied');
    const throttled = failingSource('Throttling');
    const options = { now: clock.now, backgroundRefresh: false };
    const stuck = sharedCredentials({ account: 'slow' }, () => async () => (await slow.promise, { accessKeyId: 'SLOW', secretAccessKey: 's' }), options);
    const bad = sharedCredentials({ account: 'denied' }, () => denied.fn, options);
    const busy = sharedCredentials({ account: 'throttled' }, () => throttled.fn, options);
    const good = sharedCredentials({ account: 'good' }, () => countingSource(clock, HOUR).fn, options);
    const pending = stuck();
    for (let i = 0; i < 50; i++) {
      await bad().catch(() => undefined);
      await busy().catch(() => undefined);
    }
    let resolved = 0;
    const results = Array.from({ length: 20 }, () => good().then((c) => (resolved++, c)));
    await settle();
    expect(resolved).toBe(20); // while the slow account is still pending
    expect((await Promise.all(results)).every((c) => c.accessKeyId === 'ASIATEST00000001')).toBe(true);
    await expect(bad()).rejects.toMatchObject({ name: 'AccessDenied' });
    slow.resolve();
    await expect(pending).resolves.toMatchObject({ accessKeyId: 'SLOW' });
    expect(good.stats().failures).toBe(0);
  });

  it('rate limits are per key: one account hammering its source does not use up another account', async () => {
    const clock = manualClock();
    const options = { now: clock.now, backgroundRefresh: false };
    const throttled = failingSource('Throttling');
    const busy = sharedCredentials('busy', () => throttled.fn, options);
    for (let i = 0; i < 200; i++) await busy().catch(() => undefined);
    expect(throttled.calls).toBe(10);
    const fresh = countingSource(clock, 10 * MIN);
    const other = sharedCredentials('other', () => fresh.fn, options);
    await expect(other()).resolves.toMatchObject({ accessKeyId: 'ASIATEST00000001' });
  });
});
