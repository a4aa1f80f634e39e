// Registry keys that are not flat objects still share one entry (null, strings, arrays); keys the
// lookup memo must not conflate (0 and -0, a nested object changed between calls) stay apart.
import { afterEach, describe, expect, it } from 'vitest';
import { clearSharedCredentials, sharedCredentials } from '../../src/runtime/index.js';

afterEach(() => clearSharedCredentials());

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
