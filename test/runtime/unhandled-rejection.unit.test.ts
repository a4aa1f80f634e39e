// A background refresh that fails has nobody awaiting it: the failure is recorded (events, stats,
// backoff) and must never surface as an unhandledRejection. Real timers: the refresh runs from the
// runtime's own timer, as in production.
import { afterEach, describe, expect, it } from 'vitest';
import { cacheCredentials, type AwsCredentialIdentity } from '../../src/runtime/index.js';
import { awsError } from './support.js';

const unhandled: unknown[] = [];
const listener = (reason: unknown) => void unhandled.push(reason);
afterEach(() => void process.off('unhandledRejection', listener));

/** Waits (bounded in turns and time) until `done()`; the verdict never depends on how long it took. */
async function until(done: () => boolean, maxMs = 10_000): Promise<void> {
  const deadline = Date.now() + maxMs;
  for (let i = 0; i < 1_000 && !done() && Date.now() < deadline; i++) await new Promise((resolve) => setTimeout(resolve, 10));
}

describe('background refresh failures', () => {
  it.each([
    ['a recoverable error', () => Promise.reject(awsError('Throttling'))],
    ['a non-recoverable error', () => Promise.reject(awsError('AccessDenied'))],
    ['a synchronous throw', () => { throw awsError('InternalFailure'); }],
    ['a hang past the bound', () => new Promise<never>(() => undefined)],
  ])('%s in a timer-driven refresh is never an unhandled rejection', async (_what, failure) => {
    process.on('unhandledRejection', listener);
    let calls = 0;
    const source = (): Promise<AwsCredentialIdentity> => {
      calls++;
      // 400 ms credentials: the proactive refresh fires from the timer within about 100-150 ms.
      if (calls === 1) return Promise.resolve({ accessKeyId: 'ASIABG', secretAccessKey: 's', expiration: new Date(Date.now() + 400) });
      return (failure as () => Promise<AwsCredentialIdentity>)();
    };
    const provider = cacheCredentials(source, { sourceTimeoutSeconds: 0.05, refreshBackoffSeconds: 60 });
    try {
      await provider();
      await provider(); // a use, so the timer refreshes
      await until(() => provider.stats().failures >= 1);
      expect(calls).toBeGreaterThanOrEqual(2);
      expect(provider.stats().failures).toBeGreaterThanOrEqual(1);
      await new Promise((resolve) => setTimeout(resolve, 20)); // let Node report anything unhandled
      expect(unhandled).toEqual([]);
    } finally {
      provider.dispose();
    }
  });
});
