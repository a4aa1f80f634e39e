// How each bundled example is driven: the fake AWS it runs against and the load it gets.
// Every loop is bounded by a request count; the runner adds a time limit that only stops a
// runaway run. The counts are sized so the whole demo stays well under a minute on 2 cores: each
// incident shows at a few hundred requests as clearly as at thousands (N requests -> N STS calls).

/**
 * Not a time budget: a normal run takes seconds even with every core busy. This only stops a
 * runaway run (the runner's loops check it; its parent kills the child a minute later).
 */
export const RUNAWAY_MS = 180_000;

const DENIED_EVERY = 20; // 5% of accounts sit in an OU whose SCP denies AssumeRole
const ACCOUNTS = 200;

export const accountIds = Array.from({ length: ACCOUNTS }, (_, i) => String(100000000000 + i));
const isDeniedAccountId = (id) => accountIds.indexOf(id) % DENIED_EVERY === 0;
/** The accounts the scanner must report as denied; the others it must scan. */
export const deniedAccountIds = accountIds.filter(isDeniedAccountId);
const deniedAccount = (roleArn) => {
  const id = /::(\d+):/.exec(roleArn)?.[1];
  return id !== undefined && isDeniedAccountId(id);
};

export const SCENARIOS = {
  'kinesis-consumer': {
    title: 'Kinesis consumer, AssumeRole per GetRecords',
    module: 'kinesis-consumer/consumer.mjs',
    fake: { latencyMs: { assumeRole: 5 } },
    env: {},
    requests: 500,
    concurrency: 50,
    call: (app, i) => app.getRecords(`shard-iterator-${i}`),
  },
  's3-uploader': {
    title: 'S3 uploader on ECS, client per upload',
    module: 's3-uploader/uploader.mjs',
    fake: { latencyMs: { container: 5 } },
    env: { baseCredentials: false, container: true, imds: false },
    requests: 400,
    concurrency: 200,
    call: (app) => app.upload('hello'),
  },
  'account-scanner': {
    title: `Scanner over ${ACCOUNTS} accounts, 5% denied`,
    module: 'account-scanner/scanner.mjs',
    fake: { deny: deniedAccount, latencyMs: { assumeRole: 2 } },
    env: {},
    workers: 16,
    checksPerAccount: 3,
  },
  'kafka-msk': {
    title: 'KafkaJS MSK IAM, token per connection',
    module: 'kafka-msk/consumer.mjs',
    fake: {},
    env: {},
    requests: 300,
    concurrency: 10,
    call: (app) => app.kafkaConfig.sasl.oauthBearerProvider(),
  },
  'lambda-handler': {
    title: 'Lambda handler, hand-written AssumeRole',
    module: 'lambda-handler/handler.mjs',
    fake: {},
    env: {},
    requests: 150,
    concurrency: 20,
    call: (app, i) => app.handler({ tenantRoleArn: `arn:aws:iam::66666666666${i % 5}:role/tenant` }),
  },
  'express-api': {
    title: 'HTTP API, provider per route call',
    module: 'express-api/api.mjs',
    fake: {},
    env: {},
    requests: 150,
    concurrency: 20,
    http: true,
    call: (url, i) => fetch(`${url}/?org=${['acme', 'globex', 'initech'][i % 3]}`).then(async (r) => {
      if (!r.ok) throw new Error(`HTTP ${r.status}`);
      return r.text();
    }),
  },
  'v2-app': {
    title: 'SDK v2 worker, credentials per job',
    module: 'v2-app/app.cjs',
    fake: {},
    env: {},
    requests: 150,
    concurrency: 20,
    call: (app, i) => app.processJob({ id: i }),
  },
};
