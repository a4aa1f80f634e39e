// One provider shared by clients with different profiles or regions: the SDK passes each client's
// callerClientConfig, and no configuration may ever receive another's credentials.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cacheCredentials, type AwsCredentialIdentity } from '../../src/runtime/index.js';
import { HOUR, manualClock } from './support.js';

type Caller = { profile?: string; region?: string | (() => Promise<string>) };

/** Like fromIni and fromTemporaryCredentials: the identity depends on the caller's profile and region. */
function callerDependentSource(clock: { now: () => number }) {
  const state = {
    calls: 0,
    fn: async (options?: Record<string, any>): Promise<AwsCredentialIdentity> => {
      state.calls++;
      const caller = options?.callerClientConfig as Caller | undefined;
      const region = typeof caller?.region === 'function' ? await caller.region() : caller?.region;
      return { accessKeyId: `KEY-${caller?.profile ?? '(default)'}-${region ?? '(none)'}`, secretAccessKey: 's', expiration: new Date(clock.now() + HOUR) };
    },
  };
  return state;
}

const expectedKey = (profile: string | undefined, region: string | undefined) => `KEY-${profile ?? '(default)'}-${region ?? '(none)'}`;

describe('callers with different profiles and regions', () => {
  it('profile a and profile b: each client signs with its own profile, one source call each', async () => {
    const clock = manualClock();
    const source = callerDependentSource(clock);
    const provider = cacheCredentials(source.fn, { now: clock.now, backgroundRefresh: false });
    const a = { profile: 'a', region: 'us-east-1' };
    const b = { profile: 'b', region: 'us-east-1' };
    expect((await provider({ callerClientConfig: a })).accessKeyId).toBe('KEY-a-us-east-1');
    expect((await provider({ callerClientConfig: b })).accessKeyId).toBe('KEY-b-us-east-1');
    expect((await provider({ callerClientConfig: { ...a } })).accessKeyId).toBe('KEY-a-us-east-1');
    expect(source.calls).toBe(2);
    expect(provider.stats().partitions).toBe(2);
  });

  it('region given as the SDK resolves it (an async function) separates too', async () => {
    const clock = manualClock();
    const source = callerDependentSource(clock);
    const provider = cacheCredentials(source.fn, { now: clock.now, backgroundRefresh: false });
    const east = { region: async () => 'us-east-1' };
    const west = { region: async () => 'eu-west-1' };
    expect((await provider({ callerClientConfig: east })).accessKeyId).toBe('KEY-(default)-us-east-1');
    expect((await provider({ callerClientConfig: west })).accessKeyId).toBe('KEY-(default)-eu-west-1');
    expect((await provider({ callerClientConfig: east })).accessKeyId).toBe('KEY-(default)-us-east-1');
    expect(source.calls).toBe(2);
  });

  it('separateCallersBy: [] shares one entry across every caller (for sources that ignore the caller)', async () => {
    const clock = manualClock();
    const source = callerDependentSource(clock);
    const provider = cacheCredentials(source.fn, { now: clock.now, backgroundRefresh: false, separateCallersBy: [] });
    await provider({ callerClientConfig: { profile: 'a' } });
    await provider({ callerClientConfig: { profile: 'b' } });
    expect(source.calls).toBe(1);
  });

  it('refuses an unknown caller setting', () => {
    expect(() => cacheCredentials(async () => ({ accessKeyId: 'a', secretAccessKey: 's' }), { separateCallersBy: ['role' as 'profile'] })).toThrow(RangeError);
  });

  it('no configuration ever receives another configuration\'s credentials (property)', async () => {
    const profile = fc.option(fc.constantFrom('a', 'b', 'prod', 'dev'), { nil: undefined });
    const region = fc.option(fc.constantFrom('us-east-1', 'eu-west-1', 'ap-south-1'), { nil: undefined });
    const caller = fc.record({ profile, region, asFunction: fc.boolean() });
    await fc.assert(
      fc.asyncProperty(fc.array(caller, { minLength: 1, maxLength: 30 }), fc.boolean(), async (callers, concurrent) => {
        const clock = manualClock();
        const source = callerDependentSource(clock);
        const provider = cacheCredentials(source.fn, { now: clock.now, backgroundRefresh: false });
        const configs = callers.map((c) => ({
          ...(c.profile !== undefined && { profile: c.profile }),
          ...(c.region !== undefined && { region: c.asFunction ? async () => c.region! : c.region }),
        }));
        const call = (config: Caller) => provider({ callerClientConfig: config });
        const results = concurrent ? await Promise.all(configs.map(call)) : await configs.reduce<Promise<AwsCredentialIdentity[]>>(async (all, config) => [...(await all), await call(config)], Promise.resolve([]));
        results.forEach((credentials, i) => expect(credentials.accessKeyId).toBe(expectedKey(callers[i]!.profile, callers[i]!.region)));
        const distinct = new Set(callers.map((c) => expectedKey(c.profile, c.region))).size;
        expect(source.calls).toBe(distinct);
        provider.dispose();
      }),
      { numRuns: 100 },
    );
  });
});
