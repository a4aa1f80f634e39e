// Caller partitions at their edges: the partition bound, a region function that throws, which
// settings separate callers, and an entry used only through a partition staying in the registry.
import { inspect } from 'node:util';
import { afterEach, describe, expect, it } from 'vitest';
import { cacheCredentials, clearSharedCredentials, configureSharedCredentials, sharedCredentials, type AwsCredentialIdentity } from '../../src/runtime/index.js';
import { CredentialCache } from '../../src/runtime/cached-provider.js';
import { HOUR, MIN, manualClock } from './support.js';

afterEach(() => {
  clearSharedCredentials();
  configureSharedCredentials({ maxEntries: 1_000, idleEvictionSeconds: 3_600 });
});

/** Issues KEY-<profile>-<region>-<n>, reading the caller's config as fromIni does. */
function callerSource(clock: { now: () => number }) {
  const state = {
    calls: 0,
    fn: async (options?: Record<string, any>): Promise<AwsCredentialIdentity> => {
      state.calls++;
      const caller = options?.callerClientConfig as { profile?: string; region?: unknown } | undefined;
      return { accessKeyId: `KEY-${caller?.profile ?? '-'}-${state.calls}`, secretAccessKey: 's', expiration: new Date(clock.now() + HOUR) };
    },
  };
  return state;
}

describe('partition bound', () => {
  it('64 caller identities per provider; the 65th is refused with an error naming the source, known ones keep working', async () => {
    const clock = manualClock();
    const source = callerSource(clock);
    const provider = cacheCredentials(source.fn, { name: 'fromIni()', now: clock.now, backgroundRefresh: false });
    for (let i = 0; i < 64; i++) await provider({ callerClientConfig: { profile: `p${i}` } });
    expect(provider.stats().partitions).toBe(64);
    const error = (await provider({ callerClientConfig: { profile: 'p64' } }).catch((e: unknown) => e)) as Error;
    expect(error).toBeInstanceOf(RangeError);
    expect(error.message).toBe(
      'fromIni(): more than 64 different caller profiles and regions share this provider; create one provider per configuration (or sharedCredentials keyed by profile and region).',
    );
    // A known identity, through a new config object, is still served from its own partition.
    expect((await provider({ callerClientConfig: { profile: 'p3' } })).accessKeyId).toBe('KEY-p3-4');
    expect(source.calls).toBe(64);
  });
});

describe('which caller settings separate', () => {
  it('a region function that throws counts as no region', async () => {
    const clock = manualClock();
    const source = callerSource(clock);
    const provider = cacheCredentials(source.fn, { now: clock.now, backgroundRefresh: false });
    const throwing = {
      profile: 'a',
      region: () => {
        throw new Error('Region is missing');
      },
    };
    const first = await provider({ callerClientConfig: throwing });
    expect((await provider({ callerClientConfig: { profile: 'a' } })).accessKeyId).toBe(first.accessKeyId);
    expect(source.calls).toBe(1);
  });

  it('by profile only: regions share, profiles do not', async () => {
    const clock = manualClock();
    const source = callerSource(clock);
    const provider = cacheCredentials(source.fn, { now: clock.now, backgroundRefresh: false, separateCallersBy: ['profile'] });
    await provider({ callerClientConfig: { profile: 'a', region: 'us-east-1' } });
    await provider({ callerClientConfig: { profile: 'a', region: 'eu-west-1' } });
    expect(source.calls).toBe(1);
    await provider({ callerClientConfig: { profile: 'b', region: 'us-east-1' } });
    expect(source.calls).toBe(2);
  });

  it('by region only: profiles share, regions do not', async () => {
    const clock = manualClock();
    const source = callerSource(clock);
    const provider = cacheCredentials(source.fn, { now: clock.now, backgroundRefresh: false, separateCallersBy: ['region'] });
    await provider({ callerClientConfig: { profile: 'a', region: 'us-east-1' } });
    await provider({ callerClientConfig: { profile: 'b', region: 'us-east-1' } });
    expect(source.calls).toBe(1);
    await provider({ callerClientConfig: { profile: 'a', region: async () => 'eu-west-1' } });
    expect(source.calls).toBe(2);
  });

  it('a caller config that is not an object goes to the unscoped entry; non-string settings count as unset', async () => {
    const clock = manualClock();
    const source = callerSource(clock);
    const provider = cacheCredentials(source.fn, { now: clock.now, backgroundRefresh: false });
    const plain = await provider();
    expect((await provider({ callerClientConfig: 'us-east-1' })).accessKeyId).toBe(plain.accessKeyId);
    expect((await provider({ callerClientConfig: null })).accessKeyId).toBe(plain.accessKeyId);
    expect(source.calls).toBe(1);
    await provider({ callerClientConfig: { profile: 7, region: 8 } });
    await provider({ callerClientConfig: {} });
    expect(source.calls).toBe(2); // one partition for "no profile, no region", whatever the non-strings
  });

  it('stats: the partition used last, with counters of all partitions added up', async () => {
    const clock = manualClock();
    const source = callerSource(clock);
    const provider = cacheCredentials(source.fn, { now: clock.now, backgroundRefresh: false });
    const a = { profile: 'a' };
    await provider({ callerClientConfig: a });
    await provider({ callerClientConfig: a });
    await provider({ callerClientConfig: { profile: 'b' } });
    expect(provider.stats()).toMatchObject({ accessKeyId: 'KEY-b-2', sourceCalls: 2, hits: 1, failures: 0, staleServed: 0, partitions: 2 });
    await provider({ callerClientConfig: a });
    expect(provider.stats()).toMatchObject({ accessKeyId: 'KEY-a-1', sourceCalls: 2, hits: 2, partitions: 2 });
  });

  it('invalidate reaches every partition; dispose stops them all', async () => {
    const clock = manualClock();
    const source = callerSource(clock);
    const provider = cacheCredentials(source.fn, { now: clock.now, backgroundRefresh: false });
    const a = { profile: 'a' };
    await provider({ callerClientConfig: a });
    provider.invalidate('KEY-a-1');
    expect((await provider({ callerClientConfig: a })).accessKeyId).toBe('KEY-a-2');
    provider.dispose();
    expect((await provider({ callerClientConfig: a })).accessKeyId).toBe('KEY-a-2'); // still works after dispose
  });
});

describe('registry and partitions', () => {
  it('an entry used only through a partition is not idle: the sweep keeps it', async () => {
    const clock = manualClock();
    const options = { now: clock.now, backgroundRefresh: false };
    const source = callerSource(clock);
    const provider = sharedCredentials('partitioned', () => source.fn, options);
    const caller = { profile: 'a' };
    await provider({ callerClientConfig: caller });
    clock.advance(50 * MIN);
    await provider({ callerClientConfig: caller }); // used directly, through its partition
    clock.advance(20 * MIN); // 70 min after the registry handed it out, 20 min after its last use
    sharedCredentials('other', () => callerSource(clock).fn, options); // runs a sweep
    expect(sharedCredentials('partitioned', () => callerSource(clock).fn, options)).toBe(provider);
  });

  it('eviction disposes every partition and tells the hook once', async () => {
    const clock = manualClock();
    const events: string[] = [];
    configureSharedCredentials({ maxEntries: 1 });
    const provider = sharedCredentials('first', () => callerSource(clock).fn, { now: clock.now, onEvent: (event) => void events.push(event.type) });
    await provider({ callerClientConfig: { profile: 'a' } });
    await provider({ callerClientConfig: { profile: 'b' } });
    sharedCredentials('second', () => callerSource(clock).fn, { now: clock.now });
    expect(events.filter((type) => type === 'evicted')).toHaveLength(1);
  });
});

describe('CredentialCache, the per-partition cache (internal, used directly)', () => {
  it('shows its label and stats in inspect and JSON, never the secret', async () => {
    const clock = manualClock();
    const cache = new CredentialCache(async () => ({ accessKeyId: 'AKIAINNER', secretAccessKey: 'inner-secret' }), { name: 'inner()', now: clock.now });
    expect(inspect(cache)).toBe('CredentialCache { inner() state=empty sourceCalls=0 }');
    await cache.get(undefined);
    expect(inspect(cache)).toBe('CredentialCache { inner() state=valid accessKeyId=AKIAINNER sourceCalls=1 }');
    expect(cache.toJSON()).toEqual({ type: 'CredentialCache', source: 'inner()', ...cache.stats() });
    expect(JSON.stringify(cache)).not.toContain('inner-secret');
  });
});
