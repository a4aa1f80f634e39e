// AWS_CONTAINER_CREDENTIALS_FULL_URI is read at most once a second (not on every request): a change
// made while a watch runs is seen once that second is over, and a watch started after the change
// sees it at once. Real SDK v3 container provider, two local fakes on 127.0.0.1.
import { fromContainerMetadata } from '@aws-sdk/credential-providers';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { CONTAINER_URI_REFRESH_MS } from '../../src/watch/classify.js';
import { createCredentialWatch, type CredentialWatch } from '../../src/watch/watch.js';
import { applyEnv, env, startFakeAws, type FakeAws } from '../support/fake-aws/index.js';

let first: FakeAws;
let second: FakeAws;
let restoreEnv: () => void;
let watch: CredentialWatch | undefined;

beforeAll(async () => {
  first = await startFakeAws({ containerRateLimit: false });
  second = await startFakeAws({ containerRateLimit: false, containerPath: '/v2/credentials/second' });
  restoreEnv = applyEnv(env(first, { container: true }));
});
afterAll(async () => {
  restoreEnv();
  await Promise.all([first.close(), second.close()]);
});
afterEach(() => {
  watch?.stop();
  watch = undefined;
  process.env.AWS_CONTAINER_CREDENTIALS_FULL_URI = first.containerUri;
  first.reset();
  second.reset();
});

const fetches = (uri: string): number => watch!.report().identities.find((entry) => entry.kind === 'container' && entry.identity === uri)?.fetches ?? 0;
const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

describe('AWS_CONTAINER_CREDENTIALS_FULL_URI changed while the watch runs', () => {
  it('is picked up after the refresh: the new endpoint counted, the old one no longer', async () => {
    watch = createCredentialWatch();
    await fromContainerMetadata()();
    expect(fetches(first.containerUri)).toBe(1);

    process.env.AWS_CONTAINER_CREDENTIALS_FULL_URI = second.containerUri;
    // The SDK reads the variable itself and goes to the second fake at once; the watch recognises
    // the request once its last read is over a second old. Bounded in count and time; the verdict
    // is only that it is seen (how many attempts it took depends on the machine's speed).
    const started = Date.now();
    let attempts = 0;
    while (fetches(second.containerUri) === 0 && attempts < 200 && Date.now() - started < 30_000) {
      attempts++;
      await fromContainerMetadata()();
      if (fetches(second.containerUri) === 0) await sleep(CONTAINER_URI_REFRESH_MS / 10);
    }
    expect(fetches(second.containerUri)).toBe(1);
    expect(second.calls.container).toBe(attempts);

    // The old endpoint is an ordinary local URL now.
    await (await fetch(first.containerUri)).text();
    expect(first.calls.container).toBe(2);
    expect(fetches(first.containerUri)).toBe(1);
    expect(watch.report().identities.filter((entry) => entry.kind === 'container')).toHaveLength(2);
  });

  it('a watch started after the change sees it from its first request', async () => {
    watch = createCredentialWatch();
    // The watch's last read names the first fake (an earlier test may have left the second one).
    for (let attempt = 0; attempt < 200 && fetches(first.containerUri) === 0; attempt++) {
      await fromContainerMetadata()();
      if (fetches(first.containerUri) === 0) await sleep(CONTAINER_URI_REFRESH_MS / 10);
    }
    expect(fetches(first.containerUri)).toBe(1);
    watch.stop();
    process.env.AWS_CONTAINER_CREDENTIALS_FULL_URI = second.containerUri;
    watch = createCredentialWatch();
    await fromContainerMetadata()();
    expect(second.calls.container).toBe(1);
    expect(fetches(second.containerUri)).toBe(1);
  });
});
