// Registry keys that are not flat objects still share one entry (null, strings, arrays); keys the
// lookup memo must not conflate (0 and -0, a nested object changed between calls) stay apart.
import { afterEach, describe, expect, it } from 'vitest';
import { cacheCredentials, clearSharedCredentials, configureSharedCredentials, sharedCredentials } from '../../src/runtime/index.js';
import { awsError, manualClock } from './support.js';

afterEach(() => {
  clearSharedCredentials();
  configureSharedCredentials({ maxEntries: 1_000, idleEvictionSeconds: 3_600 });
});

describe('non-object keys', () => {
  it.each([
    ['null', null],
    ['a string', 'tenant-a'],
    ['an array', ['tenant-a', 'eu-west-1']],
    ['a number', 42],
  ])('%s: one entry, one factory run', (_what, key) => {
    let runs = 0;
    const factory = () => {
      runs++;
      return async () => ({ accessKeyId: 'AKIAKEYED', secretAccessKey: 'x' });
    };
    const first = sharedCredentials(key, factory);
    expect(sharedCredentials(key, factory)).toBe(first);
    expect(runs).toBe(1);
  });
});

describe('keys the lookup memo must keep apart', () => {
  const factory = () => async () => ({ accessKeyId: 'AKIAKEYED', secretAccessKey: 'x' });

  it('0 and -0', () => {
    const zero = sharedCredentials({ shard: 0 }, factory);
    const negative = sharedCredentials({ shard: -0 }, factory);
    expect(negative).not.toBe(zero);
    expect(sharedCredentials({ shard: 0 }, factory)).toBe(zero);
    expect(sharedCredentials({ shard: -0 }, factory)).toBe(negative);
  });

  it('a nested object or array changed between two calls', () => {
    const tags = { team: 'a' };
    const first = sharedCredentials({ role: 'r', tags }, factory);
    tags.team = 'b';
    expect(sharedCredentials({ role: 'r', tags }, factory)).not.toBe(first);
    const list = ['x'];
    const listed = sharedCredentials({ role: 'r', list }, factory);
    list.push('y');
    expect(sharedCredentials({ role: 'r', list }, factory)).not.toBe(listed);
  });

  it('the same fields in another order share the entry', () => {
    const first = sharedCredentials({ role: 'r', region: 'eu-west-1', session: 's' }, factory);
    expect(sharedCredentials({ session: 's', region: 'eu-west-1', role: 'r' }, factory)).toBe(first);
    expect(sharedCredentials({ region: 'eu-west-1', role: 'r', session: 's' }, factory)).toBe(first);
  });
});

describe('dispose() of an entry in the middle of the recency order', () => {
  it('leaves the others in order: the least recently handed out is still the one evicted', () => {
    const clock = manualClock();
    const factory = () => async () => ({ accessKeyId: 'AKIAORDER', secretAccessKey: 'x' });
    const options = { now: clock.now, backgroundRefresh: false };
    configureSharedCredentials({ maxEntries: 3 });
    const a = sharedCredentials('a', factory, options);
    const b = sharedCredentials('b', factory, options);
    const c = sharedCredentials('c', factory, options);
    b.dispose(); // from the middle of the list
    sharedCredentials('d', factory, options);
    sharedCredentials('e', factory, options); // one too many: the oldest, a, goes
    expect(sharedCredentials('c', factory, options)).toBe(c);
    expect(sharedCredentials('a', factory, options)).not.toBe(a);
  });
});

describe('a source that throws instead of rejecting', () => {
  it('its own error is the cause, whatever the time bound', async () => {
    for (const sourceTimeoutSeconds of [30, Infinity]) {
      const thrown = awsError('InternalFailure', 'boom');
      const provider = cacheCredentials(
        () => {
          throw thrown;
        },
        { backgroundRefresh: false, sourceTimeoutSeconds },
      );
      const error = (await provider().catch((e: unknown) => e)) as Error & { code: string };
      expect(error.cause).toBe(thrown);
      expect(error.code).toBe('InternalFailure');
    }
  });
});
