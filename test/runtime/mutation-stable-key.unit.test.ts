// stableKey's encoding, exactly as its grammar documents it (stable-key.ts), and the key hash the
// events carry: FNV-1a, 8 hex digits. The flat-object fast path and the full walk must agree.
import { describe, expect, it } from 'vitest';
import { stableKey } from '../../src/runtime/index.js';
import { keyHash } from '../../src/runtime/stable-key.js';

describe('stableKey grammar', () => {
  it.each<[string, unknown, string]>([
    ['a string', 'a', 's1:a'],
    ['the empty string', '', 's0:'],
    ['a number', 5, 'n:5'],
    ['0', 0, 'n:0'],
    ['-0', -0, 'n:-0'],
    ['NaN', Number.NaN, 'n:NaN'],
    ['a bigint', 10n, 'b:10'],
    ['true', true, 'true'],
    ['false', false, 'false'],
    ['null', null, 'null'],
    ['undefined', undefined, 'undefined'],
    ['a Date', new Date(5), 'd:5'],
    ['an array with a hole', [1, , 'x'], '[n:1,hole,s1:x]'], // eslint-disable-line no-sparse-arrays
    ['an empty array', [], '[]'],
    ['an empty object', {}, '{}'],
    ['a flat object, fields sorted', { b: 1, a: 'x', c: null, d: undefined, e: true, f: -0, g: false }, '{1:a=s1:x,1:b=n:1,1:c=null,1:d=undefined,1:e=true,1:f=n:-0,1:g=false}'],
    ['a nested object', { z: { y: [1] }, a: 2 }, '{1:a=n:2,1:z={1:y=[n:1]}}'],
    ['a null-prototype object', Object.assign(Object.create(null) as object, { k: 'v' }), '{1:k=s1:v}'],
    ['fields sorted by UTF-16 code unit', { é: 1, Z: 2, a: 3, _: 4 }, '{1:Z=n:2,1:_=n:4,1:a=n:3,1:é=n:1}'],
    ['nested Dates, bigints and booleans', { at: [new Date(7)], n: { big: 3n, yes: true, no: false } }, '{2:at=[d:7],1:n={3:big=b:3,2:no=false,3:yes=true}}'],
  ])('%s', (_what, key, encoded) => {
    expect(stableKey(key)).toBe(encoded);
  });

  it('the fast path (flat objects of up to 16 fields) and the full walk encode alike', () => {
    const fields = Array.from({ length: 17 }, (_, i) => `f${String.fromCharCode(113 - i)}`); // fq, fp, ... fa: reverse order
    const wide = Object.fromEntries(fields.map((field, i) => [field, i]));
    expect(stableKey(wide)).toBe(`{${[...fields].sort().map((field) => `2:${field}=n:${fields.indexOf(field)}`).join(',')}}`);
    const sixteen = Object.fromEntries(fields.slice(0, 16).map((field, i) => [field, `v${i}`]));
    expect(stableKey(sixteen)).toBe(`{${fields.slice(0, 16).sort().map((field) => `2:${field}=s${`v${fields.indexOf(field)}`.length}:v${fields.indexOf(field)}`).join(',')}}`);
    // A flat key and the same data with one nested value differ only where the data does.
    expect(stableKey({ b: 'x', a: 'y' })).toBe('{1:a=s1:y,1:b=s1:x}');
    expect(stableKey({ b: 'x', a: ['y'] })).toBe('{1:a=[s1:y],1:b=s1:x}');
  });

  it('length prefixes keep look-alike keys apart', () => {
    expect(stableKey({ a: 's1:b' })).not.toBe(stableKey({ a: 'b' }));
    expect(stableKey(['a,b'])).not.toBe(stableKey(['a', 'b']));
    expect(stableKey({ 'a=s1:x,1:b': 'y' })).not.toBe(stableKey({ a: 'x', b: 'y' }));
  });
});

describe('keyHash', () => {
  it('is 32-bit FNV-1a, as 8 lower-case hex digits', () => {
    expect(keyHash('')).toBe('811c9dc5');
    expect(keyHash('a')).toBe('e40c292c');
    expect(keyHash('s1:a')).toBe('3e8f3f38');
    expect(keyHash('foobar')).toBe('bf9cf968');
    expect(keyHash('k120')).toBe('0493fd3b'); // leading zeros kept: always 8 digits
  });
});
