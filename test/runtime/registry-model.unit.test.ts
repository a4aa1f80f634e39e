// Random walks through the sharedCredentials registry (fast-check): lookups of a few keys (in any
// property order), calls through the providers, time jumps and bound changes. After every step:
//   - the registry never holds more than maxEntries;
//   - a key's factory runs once, plus once per eviction of that key (one live entry per key);
//   - two lookups of a key with nothing in between return the same provider;
//   - an entry is evicted only when the registry overflows or it has been idle past the bound.
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { clearSharedCredentials, configureSharedCredentials, sharedCredentials, sharedCredentialsSize, type CachedCredentialProvider } from '../../src/runtime/index.js';

const SEC = 1000;
const MIN = 60 * SEC;
const KEYS = ['alpha', 'beta', 'gamma', 'delta', 'epsilon', 'zeta'];

type Op =
  | { kind: 'lookup'; key: number; reversed: boolean; twice: boolean }
  | { kind: 'call'; key: number }
  | { kind: 'advance'; ms: number }
  | { kind: 'bounds'; maxEntries: number };

const op: fc.Arbitrary<Op> = fc.oneof(
  { weight: 6, arbitrary: fc.record({ kind: fc.constant('lookup' as const), key: fc.integer({ min: 0, max: KEYS.length - 1 }), reversed: fc.boolean(), twice: fc.boolean() }) },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('call' as const), key: fc.integer({ min: 0, max: KEYS.length - 1 }) }) },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('advance' as const), ms: fc.oneof(fc.integer({ min: 0, max: 30 * SEC }), fc.integer({ min: 0, max: 30 * MIN })) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('bounds' as const), maxEntries: fc.integer({ min: 1, max: 6 }) }) },
);

const IDLE_SECONDS = 600;

afterEach(() => {
  clearSharedCredentials();
  configureSharedCredentials({ maxEntries: 1_000, idleEvictionSeconds: 3_600 });
});

describe('registry random walks (property)', () => {
  it('bounds, one live entry per key, factory runs only after evictions, idle eviction only of idle entries', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(op, { minLength: 1, maxLength: 60 }), async (ops) => {
        clearSharedCredentials();
        let maxEntries = 4;
        configureSharedCredentials({ maxEntries, idleEvictionSeconds: IDLE_SECONDS });
        let time = Date.UTC(2026, 10, 23, 12);
        const now = () => time;
        const factories = new Map<string, number>();
        const evictions = new Map<string, number>();
        const lastUse = new Map<string, number>();
        const held = new Map<string, CachedCredentialProvider>();
        let overflowPossible = false;

        const keyFor = (name: string, reversed: boolean) =>
          reversed ? { region: 'eu-west-1', roleArn: `arn:aws:iam::1:role/${name}` } : { roleArn: `arn:aws:iam::1:role/${name}`, region: 'eu-west-1' };
        const lookup = (name: string, reversed: boolean) => {
          const sizeBefore = sharedCredentialsSize();
          overflowPossible = sizeBefore >= maxEntries;
          const provider = sharedCredentials(
            keyFor(name, reversed),
            () => {
              // A new entry for a key only after the previous one was evicted: one live entry per key.
              expect(evictions.get(name) ?? 0).toBe(factories.get(name) ?? 0);
              factories.set(name, (factories.get(name) ?? 0) + 1);
              return async () => ({ accessKeyId: `ASIA${name.toUpperCase()}`, secretAccessKey: 's', expiration: new Date(now() + 60 * MIN) });
            },
            {
              now,
              backgroundRefresh: false,
              onEvent: (event) => {
                if (event.type !== 'evicted') return;
                evictions.set(name, (evictions.get(name) ?? 0) + 1);
                // Evicted either to make room, or because it was idle past the bound.
                const idleFor = now() - (lastUse.get(name) ?? -Infinity);
                expect(overflowPossible || idleFor > IDLE_SECONDS * SEC).toBe(true);
              },
            },
          );
          lastUse.set(name, now());
          held.set(name, provider);
          overflowPossible = false;
          return provider;
        };

        for (const o of ops) {
          if (o.kind === 'advance') time += o.ms;
          else if (o.kind === 'bounds') {
            maxEntries = o.maxEntries;
            overflowPossible = true;
            configureSharedCredentials({ maxEntries });
            overflowPossible = false;
          } else if (o.kind === 'call') {
            const name = KEYS[o.key]!;
            const provider = held.get(name);
            if (provider) {
              await provider();
              lastUse.set(name, now());
            }
          } else {
            const name = KEYS[o.key]!;
            const first = lookup(name, o.reversed);
            if (o.twice) expect(lookup(name, !o.reversed)).toBe(first);
          }
          expect(sharedCredentialsSize()).toBeLessThanOrEqual(maxEntries);
        }
      }),
      { numRuns: 200 },
    );
  });
});
