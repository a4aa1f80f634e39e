// Self-test of the fake AWS server with the real SDK clients it stands in for.
import { AssumeRoleCommand, GetCallerIdentityCommand, STSClient, type STSClientConfig } from '@aws-sdk/client-sts';
import { PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { GetRecordsCommand, KinesisClient } from '@aws-sdk/client-kinesis';
import { fromContainerMetadata, fromInstanceMetadata, fromTemporaryCredentials } from '@aws-sdk/credential-providers';
import AWS from 'aws-sdk';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { FakeState } from './state.js';
import { applyEnv, BASE_ACCESS_KEY_ID, DEFAULT_CONTAINER_ROLE, DEFAULT_INSTANCE_ROLE, env, startFakeAws, type FakeAws } from './index.js';

const ROLE = 'arn:aws:iam::222222222222:role/stream-reader';
let fake: FakeAws;
let restoreEnv: () => void;

beforeAll(async () => {
  fake = await startFakeAws();
  restoreEnv = applyEnv(env(fake));
});
afterAll(async () => {
  restoreEnv();
  await fake.close();
});
afterEach(() => {
  fake.configure({ deny: undefined, throttle: undefined, serverError: undefined, latencyMs: undefined, credentialLifetimeSeconds: undefined, now: undefined });
  fake.reset();
});

const sts = (credentials?: STSClientConfig['credentials']) => new STSClient({ region: 'us-east-1', maxAttempts: 1, ...(credentials && { credentials }) });

describe('fake AWS server', () => {
  it('listens on 127.0.0.1 with an ephemeral port', () => {
    expect(fake.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(fake.port).toBeGreaterThan(0);
    expect(fake.containerUri).toBe(`${fake.url}/creds`);
  });

  it('AssumeRole issues unique ASIA keys, honours DurationSeconds and records the request', async () => {
    const client = sts();
    // The fake's own clock, fixed: expirations do not depend on how long the calls took.
    const now = Math.floor(Date.now() / 1000) * 1000;
    fake.configure({ now: () => now });
    const first = await client.send(new AssumeRoleCommand({ RoleArn: ROLE, RoleSessionName: 'one', ExternalId: 'ext-1', DurationSeconds: 900 }));
    const second = await client.send(new AssumeRoleCommand({ RoleArn: ROLE, RoleSessionName: 'two' }));
    expect(first.Credentials?.AccessKeyId).toMatch(/^ASIA[A-Z0-9]{16}$/);
    expect(first.Credentials?.AccessKeyId).not.toBe(second.Credentials?.AccessKeyId);
    expect(first.Credentials?.SessionToken).toBeTruthy();
    expect(first.AssumedRoleUser?.Arn).toBe('arn:aws:sts::222222222222:assumed-role/stream-reader/one');
    expect(first.Credentials!.Expiration!.getTime()).toBe(now + 900_000);
    expect(second.Credentials!.Expiration!.getTime()).toBe(now + 3_600_000);
    expect(fake.calls.assumeRole).toBe(2);
    expect(fake.roles.get(ROLE)).toMatchObject({ assumeRole: 2, issued: 2, sessionNames: ['one', 'two'], externalIds: ['ext-1', undefined] });
    expect(fake.assumeRoleRequests[0]).toMatchObject({ action: 'AssumeRole', roleArn: ROLE, sessionName: 'one', externalId: 'ext-1', durationSeconds: 900, callerAccessKeyId: BASE_ACCESS_KEY_ID, outcome: 'ok' });
  });

  it('credentialLifetimeSeconds wins over DurationSeconds', async () => {
    fake.configure({ credentialLifetimeSeconds: 8 });
    const out = await sts().send(new AssumeRoleCommand({ RoleArn: ROLE, RoleSessionName: 's', DurationSeconds: 3600 }));
    expect(out.Credentials!.Expiration!.getTime() - Date.now()).toBeLessThanOrEqual(8_000);
  });

  it('GetCallerIdentity answers with the identity whose key signed the request', async () => {
    expect((await sts().send(new GetCallerIdentityCommand({}))).Arn).toBe('arn:aws:iam::111111111111:user/fake-base-user');
    const { Credentials } = await sts().send(new AssumeRoleCommand({ RoleArn: ROLE, RoleSessionName: 'who' }));
    const assumed = sts({ accessKeyId: Credentials!.AccessKeyId!, secretAccessKey: Credentials!.SecretAccessKey!, sessionToken: Credentials!.SessionToken! });
    const identity = await assumed.send(new GetCallerIdentityCommand({}));
    expect(identity).toMatchObject({ Arn: 'arn:aws:sts::222222222222:assumed-role/stream-reader/who', Account: '222222222222' });
    expect(fake.roleOf(Credentials!.AccessKeyId)).toBe(ROLE);
    expect(fake.calls.getCallerIdentity).toBe(2);
    expect(fake.serviceRequests.at(-1)).toMatchObject({ service: 'sts', operation: 'GetCallerIdentity', accessKeyId: Credentials!.AccessKeyId, status: 200 });
  });

  it('AWS_ENDPOINT_URL reaches the STS client inside fromTemporaryCredentials, S3 and Kinesis', async () => {
    const credentials = fromTemporaryCredentials({ params: { RoleArn: ROLE, RoleSessionName: 'env' } });
    const s3 = new S3Client({ region: 'us-east-1', credentials });
    const put = await s3.send(new PutObjectCommand({ Bucket: 'example', Key: 'a/b.txt', Body: 'hello' }));
    expect(put.ETag).toBe('"5d41402abc4b2a76b9719d911017c592"');
    const kinesis = new KinesisClient({ region: 'us-east-1', credentials });
    const page = await kinesis.send(new GetRecordsCommand({ ShardIterator: 'it-0' }));
    expect(page).toMatchObject({ Records: [], NextShardIterator: 'it-1', MillisBehindLatest: 0 });
    expect(fake.calls.assumeRole).toBeGreaterThanOrEqual(1);
    expect(fake.calls.service).toBe(2);
    expect(fake.serviceRequests.map((r) => [r.service, r.operation])).toEqual([
      ['s3', 'PutObject'],
      ['kinesis', 'GetRecords'],
    ]);
    for (const request of fake.serviceRequests) expect(fake.roleOf(request.accessKeyId)).toBe(ROLE);
  });

  it('answers AccessDenied, Throttling and 5xx in the real STS error shape', async () => {
    fake.configure({ deny: new Set([ROLE]), throttle: /throttled/, serverError: (arn) => arn.endsWith('/broken') });
    const attempt = (roleArn: string) => sts().send(new AssumeRoleCommand({ RoleArn: roleArn, RoleSessionName: 's' })).then(() => undefined, (error: any) => error);
    const denied = await attempt(ROLE);
    expect(denied.name).toBe('AccessDenied');
    expect(denied.$metadata.httpStatusCode).toBe(403);
    expect(denied.message).toContain(`is not authorized to perform: sts:AssumeRole on resource: ${ROLE}`);
    const throttled = await attempt('arn:aws:iam::333333333333:role/throttled');
    expect(throttled.name).toBe('Throttling');
    expect(throttled.$metadata.httpStatusCode).toBe(400);
    const broken = await attempt('arn:aws:iam::333333333333:role/broken');
    expect(broken.$metadata.httpStatusCode).toBe(500);
    expect(await attempt('arn:aws:iam::333333333333:role/fine')).toBeUndefined();
    expect(fake.roles.get(ROLE)).toMatchObject({ assumeRole: 1, denied: 1, issued: 0 });
    expect(fake.assumeRoleRequests.map((r) => r.outcome)).toEqual(['denied', 'throttled', 'server-error', 'ok']);
  });

  it('refuses requests signed with an expired issued key (ExpiredToken)', async () => {
    let clock = Date.now();
    fake.configure({ now: () => clock });
    const { Credentials } = await sts().send(new AssumeRoleCommand({ RoleArn: ROLE, RoleSessionName: 'old', DurationSeconds: 900 }));
    clock += 901_000;
    const assumed = sts({ accessKeyId: Credentials!.AccessKeyId!, secretAccessKey: Credentials!.SecretAccessKey!, sessionToken: Credentials!.SessionToken! });
    const error: any = await assumed.send(new GetCallerIdentityCommand({})).catch((e: unknown) => e);
    expect(error.name).toBe('ExpiredToken');
    expect(fake.calls.expired).toBe(1);
  });

  it('serves the ECS container endpoint and rate-limits it like the agent (burst 60)', async () => {
    process.env.AWS_CONTAINER_CREDENTIALS_FULL_URI = fake.containerUri;
    const credentials = await fromContainerMetadata()().finally(() => delete process.env.AWS_CONTAINER_CREDENTIALS_FULL_URI);
    expect(credentials.accessKeyId).toMatch(/^ASIA/);
    expect(credentials.expiration!.getTime()).toBeGreaterThan(Date.now() + 3_500_000);
    expect(fake.roleOf(credentials.accessKeyId)).toBe(DEFAULT_CONTAINER_ROLE);
    // A frozen clock makes the bucket exact: a burst of 60, then 429 until time moves on.
    let clock = Date.now();
    fake.configure({ now: () => clock, containerRateLimit: { perSecond: 40, burst: 60 } });
    fake.reset();
    const statuses = await Promise.all(Array.from({ length: 70 }, () => fetch(fake.containerUri).then((r) => r.status)));
    expect(statuses.filter((s) => s === 200)).toHaveLength(60);
    expect(statuses.filter((s) => s === 429)).toHaveLength(10);
    expect(fake.calls).toMatchObject({ container: 60, containerRejected: 10 });
    clock += 100; // 4 tokens
    const later = await Promise.all(Array.from({ length: 5 }, () => fetch(fake.containerUri).then((r) => r.status)));
    expect(later.filter((s) => s === 200)).toHaveLength(4);
    fake.configure({ containerRateLimit: false });
    const open = await Promise.all(Array.from({ length: 80 }, () => fetch(fake.containerUri).then((r) => r.status)));
    expect(open.every((s) => s === 200)).toBe(true);
    fake.configure({ containerRateLimit: { perSecond: 40, burst: 60 } });
  });

  it('serves IMDSv2 to fromInstanceMetadata', async () => {
    const credentials = await fromInstanceMetadata()();
    expect(fake.roleOf(credentials.accessKeyId)).toBe(DEFAULT_INSTANCE_ROLE);
    expect(fake.calls).toMatchObject({ imds: 1, imdsToken: 1 });
    expect((await fetch(`${fake.url}/latest/meta-data/iam/security-credentials/`)).status).toBe(401);
  });

  it('serves aws-sdk v2 (STS getCallerIdentity and assumeRole over the query protocol)', async () => {
    const client = new AWS.STS({ endpoint: fake.url, region: 'us-east-1', maxRetries: 0 });
    const identity = await client.getCallerIdentity().promise();
    expect(identity.Arn).toBe('arn:aws:iam::111111111111:user/fake-base-user');
    const assumed = await client.assumeRole({ RoleArn: ROLE, RoleSessionName: 'v2' }).promise();
    expect(fake.roleOf(assumed.Credentials!.AccessKeyId)).toBe(ROLE);
    fake.configure({ deny: ROLE });
    const error: any = await client.assumeRole({ RoleArn: ROLE, RoleSessionName: 'v2' }).promise().catch((e: unknown) => e);
    expect(error.code).toBe('AccessDenied');
    expect(error.statusCode).toBe(403);
  });

  it('serves aws-sdk v2 instance (IMDSv2, via its endpoint option) and container credentials', async () => {
    const instance = new AWS.EC2MetadataCredentials({ endpoint: fake.url, maxRetries: 0 } as ConstructorParameters<typeof AWS.EC2MetadataCredentials>[0]);
    await instance.getPromise();
    expect(fake.roleOf(instance.accessKeyId)).toBe(DEFAULT_INSTANCE_ROLE);
    expect(instance.expireTime.getTime()).toBeGreaterThan(Date.now() + 3_500_000);
    expect(fake.calls).toMatchObject({ imds: 1, imdsToken: 1 });
    process.env.AWS_CONTAINER_CREDENTIALS_FULL_URI = fake.containerUri;
    try {
      const container = new AWS.ECSCredentials({ maxRetries: 0 });
      await container.getPromise();
      expect(fake.roleOf(container.accessKeyId)).toBe(DEFAULT_CONTAINER_ROLE);
      expect(fake.calls.container).toBe(1);
    } finally {
      delete process.env.AWS_CONTAINER_CREDENTIALS_FULL_URI;
    }
  });

  it('counts other service calls with the key that signed them', async () => {
    const s3 = new S3Client({ region: 'us-east-1', forcePathStyle: true });
    await s3.send(new PutObjectCommand({ Bucket: 'example', Key: 'k', Body: 'x' }));
    expect(fake.calls).toMatchObject({ other: 1, service: 1, assumeRole: 0 });
    expect(fake.serviceRequests).toEqual([expect.objectContaining({ service: 's3', operation: 'PutObject', accessKeyId: BASE_ACCESS_KEY_ID, status: 200 })]);
    expect(fake.signedBy.get(BASE_ACCESS_KEY_ID)).toBe(1);
  });

  it('applies latency per endpoint', async () => {
    const latencyMs = { assumeRole: 150 };
    // Which endpoint waits is the fake's decision; an upper bound on a measured time would be the machine's.
    const state = new FakeState({ latencyMs });
    expect([state.latencyFor('assumeRole'), state.latencyFor('getCallerIdentity'), state.latencyFor('container')]).toEqual([150, 0, 0]);
    fake.configure({ latencyMs });
    const started = performance.now();
    await sts().send(new AssumeRoleCommand({ RoleArn: ROLE, RoleSessionName: 'slow' }));
    expect(performance.now() - started).toBeGreaterThanOrEqual(145);
  });

  it('reset clears counters and records but keeps the configuration', async () => {
    fake.configure({ deny: ROLE });
    await sts().send(new AssumeRoleCommand({ RoleArn: ROLE, RoleSessionName: 's' })).catch(() => undefined);
    fake.reset();
    expect(fake.calls.assumeRole).toBe(0);
    expect(fake.roles.size).toBe(0);
    expect(fake.assumeRoleRequests).toHaveLength(0);
    expect(fake.options.deny).toBe(ROLE);
  });
});
