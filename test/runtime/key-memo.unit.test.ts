// The registry's memo of flat keys answers exactly what stableKey answers, warm or cold.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { stableKey } from '../../src/runtime/index.js';
import { canonicalKey } from '../../src/runtime/key-memo.js';

const flatValue = fc.oneof(fc.constantFrom('a', 'b', '1', ''), fc.constantFrom(0, -0, 1, Number.NaN), fc.boolean(), fc.constant(null), fc.constant(undefined), fc.date());
const flatKey = fc.dictionary(fc.constantFrom('roleArn', 'region', 'source', 'sessionName', '1', '__proto__x'), flatValue, { maxKeys: 5 });

describe('canonicalKey', () => {
  it('equals stableKey for any sequence of flat keys, in any field order (property)', () => {
    fc.assert(
      fc.property(fc.array(flatKey, { minLength: 1, maxLength: 20 }), (keys) => {
        for (const key of keys) {
          const reordered = Object.fromEntries(Object.entries(key).reverse());
          expect(canonicalKey(key)).toBe(stableKey(key));
          expect(canonicalKey(reordered)).toBe(stableKey(key));
        }
      }),
    );
  });

  it('keeps -0 and 0, "1" and 1, null and undefined apart', () => {
    expect(canonicalKey({ a: 0 })).not.toBe(canonicalKey({ a: -0 }));
    expect(canonicalKey({ a: '1' })).not.toBe(canonicalKey({ a: 1 }));
    expect(canonicalKey({ a: null })).not.toBe(canonicalKey({ a: undefined }));
    expect(canonicalKey({ a: undefined })).not.toBe(canonicalKey({}));
  });

  it('refuses what stableKey refuses, warm or cold', () => {
    expect(() => canonicalKey({ a: () => 1 })).toThrow(TypeError);
    expect(() => canonicalKey({ [Symbol('s')]: 1, a: 'x' })).toThrow(TypeError);
    expect(() => canonicalKey(new (class Key {})())).toThrow(TypeError);
  });

  it('stays correct past its bound (it starts over)', () => {
    for (let i = 0; i < 10_050; i++) expect(canonicalKey({ roleArn: `r${i}` })).toBe(stableKey({ roleArn: `r${i}` }));
    expect(canonicalKey({ roleArn: 'r0' })).toBe(stableKey({ roleArn: 'r0' }));
  });
});
