// Registry keys that are not flat objects still share one entry: null, strings, arrays.
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
