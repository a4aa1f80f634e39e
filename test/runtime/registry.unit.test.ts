// sharedCredentials: stable, total keys; one factory call per key; bounds; isolation per key.
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { runInNewContext } from 'node:vm';
import { clearSharedCredentials, configureSharedCredentials, sharedCredentials, sharedCredentialsSize, stableKey, CredentialsUnavailableError, type AwsCredentialIdentity, type CredentialEvent } from '../../src/runtime/index.js';
import { HOUR, MIN, countingSource, deferred, failingSource, manualClock, recorder, settle, SEC, SECRET, TOKEN, leaks } from './support.js';
import { clockAt, gate, flush, gatedSource, named, callers, resetRuntimeState } from './gated-source.js';
import { inspect } from 'node:util';

afterEach(() => resetRuntimeState());

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

describe('sharedCredentials', () => {
  const text = fc.string({ maxLength: 12 });
  const config = fc.record({
    roleArn: text,
    externalId: fc.option(text, { nil: undefined }),
    sessionName: text,
    policy: fc.option(fc.json({ maxDepth: 2 }), { nil: undefined }),
    region: fc.constantFrom('us-east-1', 'eu-west-1', 'ap-southeast-2', 'us-gov-west-1'),
    source: fc.record({ accessKeyId: text, secretAccessKey: text, profile: fc.option(text, { nil: null }) }),
  });
  type Config = typeof config extends fc.Arbitrary<infer T> ? T : never;

  /** The same data with every object's properties in a shuffled order, at every depth. */
  function shuffled(value: unknown, seed: number): unknown {
    if (Array.isArray(value)) return value.map((item, i) => shuffled(item, seed + i));
    if (value === null || typeof value !== 'object') return value;
    const entries = Object.entries(value);
    entries.sort((a, b) => ((a[0].length * 31 + seed) % 7) - ((b[0].length * 31 + seed) % 7) || (seed % 2 ? 1 : -1) * a[0].localeCompare(b[0]));
    return Object.fromEntries(entries.map(([k, v], i) => [k, shuffled(v, seed + i)]));
  }

  it('any permutation of a key, at any depth, is the same key and the same entry; the factory runs once (property)', () => {
    fc.assert(
      fc.property(config, fc.nat(1000), (c, seed) => {
        clearSharedCredentials();
        let factories = 0;
        const factory = () => (factories++, async () => ({ accessKeyId: 'A', secretAccessKey: 'B' }));
        const a = sharedCredentials(c as Record<string, unknown>, factory);
        const b = sharedCredentials(shuffled(c, seed) as Record<string, unknown>, factory);
        expect(stableKey(shuffled(c, seed))).toBe(stableKey(c));
        expect(b).toBe(a);
        expect(factories).toBe(1);
        expect(sharedCredentialsSize()).toBe(1);
      }),
      { numRuns: 150 },
    );
  });

  const fields: (keyof Config)[] = ['roleArn', 'externalId', 'sessionName', 'policy', 'region', 'source'];
  it.each(fields)('a different %s never shares an entry (property)', (field) => {
    fc.assert(
      fc.property(config, config, (a, b) => {
        const other = { ...a, [field]: b[field] };
        fc.pre(JSON.stringify(other[field]) !== JSON.stringify(a[field]) || (other[field] === undefined) !== (a[field] === undefined));
        clearSharedCredentials();
        let factories = 0;
        const factory = () => (factories++, async () => ({ accessKeyId: 'A', secretAccessKey: 'B' }));
        expect(stableKey(other)).not.toBe(stableKey(a));
        expect(sharedCredentials(other as Record<string, unknown>, factory)).not.toBe(sharedCredentials(a as Record<string, unknown>, factory));
        expect(factories).toBe(2);
      }),
      { numRuns: 100 },
    );
  });

  class RoleConfig {
    constructor(readonly roleArn: string) {}
  }
  const cyclicArray: unknown[] = [1];
  cyclicArray.push(cyclicArray);
  const cyclicDeep: Record<string, unknown> = { a: { b: {} } };
  ((cyclicDeep.a as Record<string, unknown>).b as Record<string, unknown>).back = cyclicDeep;
  it.each([
    ['a function', { provider: async () => ({}) }],
    ['a nested function', { a: [{ f: () => 1 }] }],
    ['a symbol value', { s: Symbol('role') }],
    ['a symbol key', { [Symbol('role')]: 'x' }],
    ['a class instance', { role: new RoleConfig('arn') }],
    ['a Map', { m: new Map([['a', 1]]) }],
    ['a boxed string', { s: new String('x') }],
    ['a cyclic array', { list: cyclicArray }],
    ['a deep cycle', cyclicDeep],
  ])('refuses %s with a TypeError, and runs no factory', (_label, key) => {
    let ran = false;
    expect(() => stableKey(key)).toThrow(TypeError);
    expect(() => sharedCredentials(key as Record<string, unknown>, () => ((ran = true), async () => ({ accessKeyId: 'A', secretAccessKey: 'B' })))).toThrow(TypeError);
    expect(ran).toBe(false);
    expect(sharedCredentialsSize()).toBe(0);
  });

  it('accepts keys typed with an interface (type-checked) and runs a throwing factory again next time', () => {
    interface RoleKey {
      readonly roleArn: string;
      readonly region: string;
    }
    const key: RoleKey = { roleArn: 'arn:aws:iam::1:role/r', region: 'eu-west-1' };
    let attempts = 0;
    const factory = () => {
      attempts++;
      if (attempts === 1) throw new Error('factory failed');
      return async () => ({ accessKeyId: 'A', secretAccessKey: 'B' });
    };
    expect(() => sharedCredentials(key, factory)).toThrow('factory failed');
    expect(sharedCredentialsSize()).toBe(0);
    const provider = sharedCredentials(key, factory);
    expect(sharedCredentials({ region: 'eu-west-1', roleArn: 'arn:aws:iam::1:role/r' }, factory)).toBe(provider);
    expect(attempts).toBe(2);
  });

  it('a refused key does not echo its values (a key may hold source credentials)', () => {
    const error = (() => {
      try {
        sharedCredentials({ source: { accessKeyId: 'AKIA', secretAccessKey: SECRET, sessionToken: TOKEN }, provider: () => undefined } as never, () => async () => ({ accessKeyId: 'A', secretAccessKey: 'B' }));
      } catch (e) {
        return e as Error;
      }
      return undefined;
    })();
    expect(error).toBeInstanceOf(TypeError);
    expect(error!.message).toContain('key.provider');
    expect(leaks(`${error!.message} ${error!.stack} ${inspect(error)}`)).toBe(false);
  });

  it('the same data shared by two places in a key is not a cycle', () => {
    const region = { name: 'eu-west-1' };
    expect(() => stableKey({ a: region, b: region, list: [region, region] })).not.toThrow();
  });

  it('is bounded (maxEntries): the least recently used goes first, and an entry in use is never the one evicted', async () => {
    configureSharedCredentials({ maxEntries: 3 });
    const clock = clockAt();
    const options = { now: clock.now, backgroundRefresh: false };
    const make = (key: string) => sharedCredentials(key, () => gatedSource(clock).fn, options);
    const hoisted = make('hoisted'); // looked up once, then called on every request
    make('b');
    clock.advance(SEC);
    make('c');
    clock.advance(SEC);
    await hoisted();
    clock.advance(SEC);
    make('d'); // evicts b (least recently used), not the hoisted provider
    expect(sharedCredentialsSize()).toBe(3);
    expect(make('hoisted')).toBe(hoisted);
    let recreated = false;
    sharedCredentials('b', () => ((recreated = true), gatedSource(clock).fn), options);
    expect(recreated).toBe(true);
    expect(sharedCredentialsSize()).toBe(3);
  });

  it('evicts idle entries as time passes, and tells the hook', () => {
    configureSharedCredentials({ idleEvictionSeconds: 600 });
    const clock = clockAt();
    const events: CredentialEvent[] = [];
    const options = { now: clock.now, backgroundRefresh: false, onEvent: (e: CredentialEvent) => void events.push(e) };
    const idle = sharedCredentials({ tenant: 'idle' }, () => gatedSource(clock).fn, options);
    clock.advance(11 * MIN);
    sharedCredentials({ tenant: 'busy' }, () => gatedSource(clock).fn, options);
    expect(sharedCredentialsSize()).toBe(1);
    expect(events.map((e) => e.type)).toContain('evicted');
    let recreated = false;
    expect(sharedCredentials({ tenant: 'idle' }, () => ((recreated = true), gatedSource(clock).fn), options)).not.toBe(idle);
    expect(recreated).toBe(true);
  });

  it('a lookup of an idle key is a use: the sweep it triggers does not evict the entry it returns (no second factory run)', () => {
    configureSharedCredentials({ idleEvictionSeconds: 600 });
    const clock = clockAt();
    let factories = 0;
    const options = { now: clock.now, backgroundRefresh: false };
    const first = sharedCredentials('tenant-a', () => (factories++, gatedSource(clock).fn), options);
    clock.advance(2 * HOUR);
    const again = sharedCredentials('tenant-a', () => (factories++, gatedSource(clock).fn), options);
    const third = sharedCredentials('tenant-a', () => (factories++, gatedSource(clock).fn), options);
    expect(again).toBe(third);
    expect(sharedCredentialsSize()).toBe(1);
    // Either kept (same provider, one factory run) or replaced once; never two live entries for one key.
    expect(factories).toBeLessThanOrEqual(2);
    expect(again === first ? factories === 1 : factories === 2).toBe(true);
  });

  it('isolation: a denied key and a slow, throttled key never delay or break another key', async () => {
    const clock = clockAt();
    const options = { now: clock.now, random: () => 0, backgroundRefresh: false };
    const slow = gatedSource(clock);
    const slowGate = gate();
    slow.hold = slowGate.promise;
    slow.error = named('Throttling');
    const denied = gatedSource(clock);
    denied.error = named('AccessDenied');
    const good = gatedSource(clock);
    const pSlow = sharedCredentials({ account: '111111111111' }, () => slow.fn, options);
    const pDenied = sharedCredentials({ account: '222222222222' }, () => denied.fn, options);
    const pGood = sharedCredentials({ account: '333333333333' }, () => good.fn, options);

    const stuck = callers(20, () => pSlow());
    const refused = callers(20, () => pDenied());
    const served = callers(50, () => pGood());
    await flush();
    expect(served.count()).toBe(50);
    expect(served.settled.every((c) => (c as AwsCredentialIdentity).accessKeyId === 'ASIAAUDIT0000001')).toBe(true);
    expect(refused.count()).toBe(20);
    expect(refused.settled.every((e) => (e as Error).name === 'AccessDenied')).toBe(true);
    expect(stuck.count()).toBe(0);
    expect([slow.calls, denied.calls, good.calls]).toEqual([1, 1, 1]);
    slowGate.open();
    const slowResults = await stuck.done();
    expect(slowResults.every((e) => e instanceof CredentialsUnavailableError)).toBe(true);
    // Still isolated afterwards: the good key's hot path is untouched.
    expect(pGood()).toBe(pGood());
    expect(good.calls).toBe(1);
  });
});
