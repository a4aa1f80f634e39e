// The cross-SDK credential-refresh conformance suite: every case of the transcribed test data,
// against cacheCredentials with its default options (backgroundRefresh off for determinism). The
// seeded credentials live 60 minutes from the start of the clock, so a 15-minute advisory window
// opens at 2,700 s and the mandatory window at 3,540 s; each given state starts the clock at a
// point inside it (valid 1,000 s, advisory 3,000 s, mandatory 3,550 s, expired 3,700 s).
import { describe, expect, it } from 'vitest';
import { cacheCredentials, CredentialsUnavailableError, isNonRecoverableCredentialError, type AwsCredentialIdentity } from '../../../src/runtime/index.js';
import { awsError, manualClock, SEC } from '../support.js';
import { CREDENTIAL_REFRESH_CASES, type CachedAtStart, type RefreshCase, type SourceResponse } from './credential-refresh-cases.js';

const SEED_LIFETIME_SECONDS = 3600;
const START_OFFSET_SECONDS: Record<CachedAtStart, number> = { none: 0, valid: 1000, advisory: 3000, mandatory: 3550, expired: 3700 };

/** A source answering each call with the response scripted for the step in progress. */
function scriptedSource(clock: { now: () => number }) {
  let issued = 0;
  const state = {
    calls: 0,
    next: undefined as { response: SourceResponse; lifetimeSeconds: number; accessKeyId?: string } | undefined,
    lastIssued: undefined as string | undefined,
    fn: async (): Promise<AwsCredentialIdentity> => {
      state.calls++;
      const next = state.next;
      state.next = undefined;
      if (next === undefined) throw awsError('Unscripted', 'the source was called where the case expects no source contact');
      if (next.response === 'error') throw awsError('Throttling', 'Rate exceeded');
      if (next.response === 'nonRecoverableError') throw awsError('AccessDenied', 'not authorized to perform sts:AssumeRole');
      issued++;
      const accessKeyId = next.accessKeyId ?? `ASIACONFORMANCE${String(issued).padStart(5, '0')}`;
      state.lastIssued = accessKeyId;
      const expiresAt = next.response === 'staleCredentials' ? clock.now() : clock.now() + next.lifetimeSeconds * SEC;
      return { accessKeyId, secretAccessKey: 'conformance-secret', sessionToken: 'conformance-token', expiration: new Date(expiresAt) };
    },
  };
  return state;
}

async function run(testCase: RefreshCase): Promise<void> {
  const { given } = testCase;
  const clock = manualClock(Date.UTC(2026, 7, 17));
  const source = scriptedSource(clock);
  const provider = cacheCredentials(source.fn, {
    name: 'conformance',
    now: clock.now,
    backgroundRefresh: false,
    ...(given.refreshBackoffSeconds !== undefined && { refreshBackoffSeconds: given.refreshBackoffSeconds }),
    ...(given.configuredAdvisoryWindowSeconds !== undefined && { advisoryWindowSeconds: given.configuredAdvisoryWindowSeconds }),
  });
  try {
    let cached: AwsCredentialIdentity | undefined;
    if (given.cachedCredentials !== 'none') {
      source.next = { response: 'freshCredentials', lifetimeSeconds: SEED_LIFETIME_SECONDS, ...(given.accessKeyId !== undefined && { accessKeyId: given.accessKeyId }) };
      cached = await provider();
      clock.advance(START_OFFSET_SECONDS[given.cachedCredentials] * SEC);
    }
    for (const [index, step] of testCase.steps.entries()) {
      const where = `step ${index + 1} (${step.type})`;
      if (step.type === 'advanceTime') {
        clock.advance(step.seconds * SEC);
        continue;
      }
      if (step.type === 'invalidate') {
        provider.invalidate(step.rejectedAccessKeyId);
        continue;
      }
      if (step.response !== undefined) source.next = { response: step.response, lifetimeSeconds: step.lifetimeSeconds ?? SEED_LIFETIME_SECONDS };
      const callsBefore = source.calls;
      const staleBefore = provider.stats().staleServed;
      const outcome = await provider().then(
        (credentials) => ({ credentials }),
        (error: unknown) => ({ error }),
      );
      const contacted = source.calls > callsBefore;
      expect(contacted, `${where}: sourceContacted`).toBe(step.expected.sourceContacted);
      // Rate limited: answered from the cache because the source is being left alone.
      const rateLimited = !contacted && provider.stats().staleServed > staleBefore;
      expect(rateLimited, `${where}: rateLimited`).toBe(step.expected.rateLimited);
      switch (step.expected.result) {
        case 'cachedCredentials':
          expect('credentials' in outcome, `${where}: credentials expected`).toBe(true);
          expect((outcome as { credentials: AwsCredentialIdentity }).credentials, `${where}: the cached credentials`).toBe(cached);
          break;
        case 'newCredentials': {
          expect('credentials' in outcome, `${where}: credentials expected`).toBe(true);
          const credentials = (outcome as { credentials: AwsCredentialIdentity }).credentials;
          expect(credentials.accessKeyId, `${where}: the newly issued credentials`).toBe(source.lastIssued);
          expect(credentials).not.toBe(cached);
          cached = credentials;
          break;
        }
        case 'noCredentialsError':
          expect('error' in outcome, `${where}: an error expected`).toBe(true);
          expect((outcome as { error: unknown }).error).toBeInstanceOf(CredentialsUnavailableError);
          break;
        case 'nonRecoverableError':
          expect('error' in outcome, `${where}: an error expected`).toBe(true);
          expect(isNonRecoverableCredentialError((outcome as { error: unknown }).error), `${where}: the non-recoverable error itself`).toBe(true);
          break;
      }
      if (step.expected.advisoryWindowSeconds !== undefined) {
        expect(provider.stats().advisoryWindowSeconds, `${where}: advisoryWindowSeconds`).toBe(step.expected.advisoryWindowSeconds);
      }
    }
  } finally {
    provider.dispose();
  }
}

describe('cross-SDK credential-refresh behaviour (2026 test data)', () => {
  it('transcribes all 24 cases', () => {
    expect(CREDENTIAL_REFRESH_CASES).toHaveLength(24);
    expect(new Set(CREDENTIAL_REFRESH_CASES.map((c) => c.name)).size).toBe(24);
  });

  it.each(CREDENTIAL_REFRESH_CASES.map((c) => [c.name, c] as const))('%s', async (_name, testCase) => {
    await run(testCase);
  });
});
