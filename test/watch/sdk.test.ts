// The watch in-process against the local fake AWS, with the real SDKs: every way a process fetches
// credentials is seen (SDK v3, SDK v2, hand-written http and fetch), ordinary calls are not, and no
// secret reaches the report.
import { request as httpRequest, ClientRequest } from 'node:http';
import { fromCognitoIdentity, fromContainerMetadata, fromInstanceMetadata, fromTemporaryCredentials, fromWebToken } from '@aws-sdk/credential-providers';
import { GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import AWS from 'aws-sdk';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { formatTable } from '../../src/watch/table.js';
import { createCredentialWatch, type CredentialWatch } from '../../src/watch/watch.js';
import { applyEnv, DEFAULT_INSTANCE_ROLE, env, startFakeAws, type FakeAws } from '../support/fake-aws/index.js';
import { WEB_IDENTITY_TOKEN, secretsIn } from './support.js';

const ROLE = 'arn:aws:iam::222222222222:role/stream-reader';
const LIFETIME_SECONDS = 900;
let fake: FakeAws;
let restoreEnv: () => void;
let watch: CredentialWatch;

beforeAll(async () => {
  fake = await startFakeAws({ credentialLifetimeSeconds: LIFETIME_SECONDS, containerRateLimit: false });
  restoreEnv = applyEnv(env(fake, { container: true }));
});
afterAll(async () => {
  restoreEnv();
  await fake.close();
});
afterEach(() => {
  watch?.stop();
  fake.reset();
});

const identity = (kind: string, name: string) => watch.report().identities.find((entry) => entry.kind === kind && entry.identity === name);
const whoAmI = (credentials: NonNullable<ConstructorParameters<typeof STSClient>[0]>['credentials']) => new STSClient({ region: 'us-east-1', credentials }).send(new GetCallerIdentityCommand({}));

describe('SDK v3', () => {
  it('a provider per call: every AssumeRole counted for the role, over budget, with the lifetime from Expiration and the calling frame', async () => {
    watch = createCredentialWatch();
    for (let i = 0; i < 5; i++) await whoAmI(fromTemporaryCredentials({ params: { RoleArn: ROLE, RoleSessionName: 'watch' } }));
    expect(fake.calls.assumeRole).toBe(5);
    const sts = identity('sts', ROLE)!;
    expect(sts).toMatchObject({ fetches: 5, budget: 2, overBudget: true, actions: ['AssumeRole'] });
    expect(sts.lifetimeSeconds).toBeGreaterThan(LIFETIME_SECONDS - 60);
    expect(sts.lifetimeSeconds).toBeLessThanOrEqual(LIFETIME_SECONDS);
    expect(sts.frames[0]).toMatch(/test\/watch\/sdk\.test\.ts:\d+:\d+/);
    // GetCallerIdentity is no credential fetch.
    expect(watch.report().identities).toHaveLength(1);
  });

  it('one shared provider: one fetch, within budget', async () => {
    watch = createCredentialWatch();
    const shared = fromTemporaryCredentials({ params: { RoleArn: ROLE, RoleSessionName: 'watch' } });
    const client = new STSClient({ region: 'us-east-1', credentials: shared });
    for (let i = 0; i < 5; i++) await client.send(new GetCallerIdentityCommand({}));
    expect(identity('sts', ROLE)).toMatchObject({ fetches: 1, overBudget: false });
  });

  it('AssumeRoleWithWebIdentity, the container endpoint and IMDS', async () => {
    watch = createCredentialWatch();
    await fromWebToken({ roleArn: 'arn:aws:iam::777777777777:role/web', webIdentityToken: WEB_IDENTITY_TOKEN, roleSessionName: 'web' })();
    await fromContainerMetadata()();
    await fromInstanceMetadata()();
    expect(identity('sts', 'arn:aws:iam::777777777777:role/web')).toMatchObject({ fetches: 1, actions: ['AssumeRoleWithWebIdentity'] });
    expect(identity('container', fake.containerUri)).toMatchObject({ fetches: 1 });
    expect(identity('imds', `${fake.url}/latest/meta-data/iam/security-credentials/${DEFAULT_INSTANCE_ROLE.split('/').pop()}`)).toMatchObject({ fetches: 1 });
  });

  it('Cognito GetCredentialsForIdentity (JSON protocol), seen even though the fake cannot answer it', async () => {
    watch = createCredentialWatch();
    await fromCognitoIdentity({ identityId: 'us-east-1:0000-watch', logins: { 'accounts.example.com': WEB_IDENTITY_TOKEN }, clientConfig: { region: 'us-east-1', maxAttempts: 1 } })().catch(() => undefined);
    expect(identity('cognito', 'us-east-1:0000-watch')).toMatchObject({ fetches: 1, actions: ['GetCredentialsForIdentity'] });
  });
});

describe('SDK v2', () => {
  it('ChainableTemporaryCredentials per job and ECSCredentials', async () => {
    watch = createCredentialWatch();
    for (let i = 0; i < 3; i++) {
      const credentials = new AWS.ChainableTemporaryCredentials({ params: { RoleArn: ROLE, RoleSessionName: 'v2' }, stsConfig: { endpoint: fake.url, region: 'us-east-1' } });
      await new AWS.STS({ credentials, endpoint: fake.url, region: 'us-east-1' }).getCallerIdentity({}).promise();
    }
    await new AWS.ECSCredentials().getPromise();
    expect(identity('sts', ROLE)).toMatchObject({ fetches: 3, overBudget: true });
    expect(identity('sts', ROLE)!.frames[0]).toMatch(/test\/watch\/sdk\.test\.ts/);
    expect(identity('container', fake.containerUri)).toMatchObject({ fetches: 1 });
  });
});

describe('hand-written requests', () => {
  it('fetch to the container endpoint, with the calling frame', async () => {
    watch = createCredentialWatch();
    for (let i = 0; i < 3; i++) await (await fetch(fake.containerUri, { headers: { authorization: 'not-read' } })).text();
    const container = identity('container', fake.containerUri)!;
    expect(container).toMatchObject({ fetches: 3, overBudget: true });
    expect(container.frames[0]).toMatch(/test\/watch\/sdk\.test\.ts/);
  });

  it('node:http GetSessionToken with the body written in pieces', async () => {
    watch = createCredentialWatch();
    await new Promise<void>((resolve, reject) => {
      const request = httpRequest(`${fake.url}/`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' } }, (response) => {
        response.resume();
        response.on('end', resolve);
      });
      request.on('error', reject);
      request.write('Action=GetSession');
      request.write('Token&Version=2011-06-15');
      request.end('&DurationSeconds=1800');
    });
    expect(identity('sts', `GetSessionToken ${fake.url}`)).toMatchObject({ fetches: 1, actions: ['GetSessionToken'] });
  });
});

describe('the report', () => {
  it('never contains a web-identity token, a secret key or a session token', async () => {
    watch = createCredentialWatch();
    await fromWebToken({ roleArn: 'arn:aws:iam::777777777777:role/web', webIdentityToken: WEB_IDENTITY_TOKEN, roleSessionName: 'web' })();
    await fromContainerMetadata()();
    const text = JSON.stringify(watch.report()) + formatTable(watch.report());
    expect(fake.issued.size).toBe(2);
    expect(secretsIn(text, fake)).toEqual([]);
  });

  it('stop() ends counting and unwraps node:http', async () => {
    watch = createCredentialWatch();
    watch.stop();
    await fromContainerMetadata()();
    expect(watch.report().identities).toEqual([]);
    expect(Object.prototype.hasOwnProperty.call(ClientRequest.prototype, 'end')).toBe(false);
  });

  it('stop() keeps a wrapper another tool put over the watch, and the watch stays inert under it', async () => {
    watch = createCredentialWatch();
    const proto = ClientRequest.prototype as unknown as { end: (...args: unknown[]) => unknown };
    const watched = proto.end;
    let seen = 0;
    const theirs = function (this: unknown, ...args: unknown[]) {
      seen++;
      return watched.apply(this, args);
    };
    proto.end = theirs;
    try {
      watch.stop();
      expect(proto.end).toBe(theirs);
      const later = createCredentialWatch();
      await fromContainerMetadata()();
      expect(later.stop().identities).toMatchObject([{ kind: 'container', fetches: 1 }]);
      expect(seen).toBe(1);
    } finally {
      delete (proto as Partial<typeof proto>).end;
    }
  });
});
