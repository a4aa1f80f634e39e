// aws-sdk v2 marks `credentials.expired = true` after an ExpiredToken response without saying which
// request failed. A request signed with the previous, expired key may fail after the adapter moved
// on: then the current key must stay cached.
import { describe, expect, it } from 'vitest';
import { cacheCredentials, toV2Credentials } from '../../src/runtime/index.js';
import { MIN, countingSource, manualClock } from './support.js';

describe('v2 ExpiredToken attribution', () => {
  it('a late ExpiredToken for the previous key does not invalidate the current one', async () => {
    const clock = manualClock();
    const source = countingSource(clock, 20 * MIN);
    const provider = cacheCredentials(source.fn, { now: clock.now, backgroundRefresh: false });
    const v2 = toV2Credentials(provider, { now: clock.now });
    await v2.getPromise();
    expect(v2.accessKeyId).toBe('ASIATEST00000001');
    clock.advance(21 * MIN); // key 1 expired; a request signed with it is still in flight
    await v2.getPromise(); // another request: the cache refreshes, the adapter holds key 2
    expect(v2.accessKeyId).toBe('ASIATEST00000002');
    v2.expired = true; // the old request's ExpiredToken arrives
    await v2.getPromise();
    expect(v2.accessKeyId).toBe('ASIATEST00000002');
    expect(source.calls).toBe(2);
  });

  it('ExpiredToken for the current key invalidates it: the next get refreshes', async () => {
    const clock = manualClock();
    const source = countingSource(clock, 20 * MIN);
    const provider = cacheCredentials(source.fn, { now: clock.now, backgroundRefresh: false });
    const v2 = toV2Credentials(provider, { now: clock.now });
    await v2.getPromise();
    v2.expired = true;
    await v2.getPromise();
    expect(v2.accessKeyId).toBe('ASIATEST00000002');
    expect(source.calls).toBe(2);
  });

  it('long after the switch, ExpiredToken is the current key\'s', async () => {
    const clock = manualClock();
    const source = countingSource(clock, 20 * MIN);
    const provider = cacheCredentials(source.fn, { now: clock.now, backgroundRefresh: false });
    const v2 = toV2Credentials(provider, { now: clock.now });
    await v2.getPromise();
    clock.advance(21 * MIN);
    await v2.getPromise();
    clock.advance(6 * MIN); // past the in-flight grace
    v2.expired = true;
    await v2.getPromise();
    expect(v2.accessKeyId).toBe('ASIATEST00000003');
  });
});
