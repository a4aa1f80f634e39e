// The shapes real code takes, one class each (the detection issue's list): caching the analysis
// must recognise, code that runs once per process, SDKs reached in unusual ways, and clients in
// `recommended`. Each invalid case states the position and the exact suggestion output.
import clientRule from '../../rules/no-per-request-client.js';
import providerRule from '../../rules/no-per-request-credential-provider.js';
import stsRule from '../../rules/no-per-request-sts-call.js';
import { at, run } from './support.js';

const V3 = "import { fromTemporaryCredentials } from '@aws-sdk/credential-providers';\n";
const S3 = "import { S3Client } from '@aws-sdk/client-s3';\n";

// Caching (class 2): each keeps what it builds.
const keyedField = `${S3}export class Pool {
  clients: Record<string, S3Client> = {};
  get(region: string) {
    return (this.clients[region] ??= new S3Client({ region }));
  }
}
`;
const earlyReturn = `${V3}const cache = new Map();
app.get('/', (req) => {
  if (cache.has(req.role)) return cache.get(req.role);
  const provider = fromTemporaryCredentials({ params: { RoleArn: req.role } });
  cache.set(req.role, provider);
  return provider;
});
`;
const storedOnMiss = `${V3}const cache = new Map();
app.get('/', (req) => {
  const provider = fromTemporaryCredentials({ params: { RoleArn: req.role } });
  if (!cache.has(req.role)) cache.set(req.role, provider);
  return cache.get(req.role);
});
`;
const namedWrapper = `${V3}app.get('/', (req) => withCache(req.role, () => fromTemporaryCredentials({ params: { RoleArn: req.role } })));
`;
const singleton = `${S3}export class Aws {
  static instance: Aws;
  s3 = new S3Client({});
  static getInstance() {
    if (!Aws.instance) Aws.instance = new Aws();
    return Aws.instance;
  }
}
`;
const expiringMiddleware = `${V3}let creds;
app.use(async (req, res, next) => {
  if (!creds || creds.expiration < Date.now()) creds = await fromTemporaryCredentials({ params: { RoleArn: 'r' } })();
  next();
});
`;
const checkedNotFilled = `${V3}const cache = new Map();
app.get('/', (req) => {
  if (cache.has(req.role)) return cache.get(req.role);
  return fromTemporaryCredentials({ params: { RoleArn: req.role } });
});
`;

// Runs once (class 3).
const retryLoop = `${S3}export async function connect() {
  let attempt = 0;
  while (attempt < 3) {
    try {
      return await new S3Client({}).send(ping);
    } catch {
      attempt++;
    }
  }
}
connect();
`;
const testBody = `${S3}describe('upload', () => {
  it('works', async () => {
    const s3 = new S3Client({});
  });
});
`;
const commanderAction = `${S3}import { Command } from 'commander';
const program = new Command();
program.command('upload').action(async () => {
  const s3 = new S3Client({});
});
`;
const workerLoop = `${S3}async function work() {
  for (;;) {
    try {
      const s3 = new S3Client({ region: next() });
      await s3.send(receive);
    } catch (error) {
      log(error);
    }
  }
}
work();
`;

// Reach (class 4).
const injectedSts = `export const handler = async (event) => this.sdk.sts.assumeRole({ RoleArn: event.role, RoleSessionName: 'x' }).promise();
`;
const endpointFetch = `export const handler = async () => (await fetch(\`http://169.254.170.2\${process.env.AWS_CONTAINER_CREDENTIALS_RELATIVE_URI}\`)).json();
`;

// Clients (class 5).
const uncachedProvider = `${S3}${V3}const credentials = fromTemporaryCredentials({ params: { RoleArn: 'arn:aws:iam::1:role/r' } });
app.get('/', () => new S3Client({ credentials }));
`;
const routeClient = `${S3}app.get('/', (req) => new S3Client({ region: req.query.region }));
`;
const lambdaClient = `${S3}export const handler = async (event) => new S3Client({ region: event.region });
`;

run('no-per-request-credential-provider (real-code shapes)', providerRule, {
  valid: [
    { name: 'caching: an early return of the kept value, stored after', code: earlyReturn },
    { name: 'caching: built every call, stored only on a miss', code: storedOnMiss },
    { name: 'caching: a wrapper named for caching', code: namedWrapper },
    { name: 'caching: a middleware that re-resolves on expiry', code: expiringMiddleware },
  ],
  invalid: [
    {
      name: 'caching: a cache that is checked but never filled is no cache',
      code: checkedNotFilled,
      errors: [{ messageId: 'providerPerInvocation', ...at(checkedNotFilled, 'fromTemporaryCredentials({ params'), suggestions: [{ messageId: 'suggestKeyed', output: checkedNotFilled.replace("import { fromTemporaryCredentials } from '@aws-sdk/credential-providers';\n", "import { fromTemporaryCredentials } from '@aws-sdk/credential-providers';\nimport { sharedCredentials } from 'eslint-plugin-aws-credentials/runtime';\n").replace('return fromTemporaryCredentials({ params: { RoleArn: req.role } });', "return sharedCredentials({ source: 'fromTemporaryCredentials', RoleArn: req.role }, () => fromTemporaryCredentials({ params: { RoleArn: req.role } }));") }] }],
    },
  ],
});

run('no-per-request-client (real-code shapes)', clientRule, {
  valid: [
    { name: 'caching: this.clients[key] ??= in a method', code: keyedField, filename: 'pool.ts' },
    { name: 'caching: a getInstance() singleton', code: singleton, filename: 'aws.ts' },
    { name: 'runs once: a bounded retry loop that returns on success', code: retryLoop },
    { name: 'runs once: a test body', code: testBody, filename: 'src/upload.test.ts' },
    { name: 'runs once: a commander action', code: commanderAction },
    { name: 'clients: a Lambda handler is the strict shape', code: lambdaClient },
  ],
  invalid: [
    {
      name: 'runs once does not cover a worker loop',
      code: workerLoop,
      errors: [{ messageId: 'clientDefaultChainPerInvocation', ...at(workerLoop, 'new S3Client('), suggestions: [] }],
    },
    {
      name: 'clients: a module-scope provider that does not cache by itself',
      code: uncachedProvider,
      errors: [
        {
          messageId: 'clientUncachedProviderPerInvocation',
          ...at(uncachedProvider, 'new S3Client('),
          suggestions: [
            {
              messageId: 'suggestHoist',
              output: uncachedProvider
                .replace("import { fromTemporaryCredentials } from '@aws-sdk/credential-providers';\n", "import { fromTemporaryCredentials } from '@aws-sdk/credential-providers';\nimport { cacheCredentials } from 'eslint-plugin-aws-credentials/runtime';\n")
                .replace("const credentials = fromTemporaryCredentials({ params: { RoleArn: 'arn:aws:iam::1:role/r' } });", "const credentials = cacheCredentials(fromTemporaryCredentials({ params: { RoleArn: 'arn:aws:iam::1:role/r' } }));"),
            },
          ],
        },
      ],
    },
    {
      name: 'clients: a route outside Lambda, without credentials',
      code: routeClient,
      errors: [{ messageId: 'clientDefaultChainPerInvocation', ...at(routeClient, 'new S3Client('), suggestions: [] }],
    },
    {
      name: 'clients: strict reports the Lambda shape',
      code: lambdaClient,
      options: [{ checkLambdaDefaultChain: true }],
      errors: [{ messageId: 'clientDefaultChainInLambda', ...at(lambdaClient, 'new S3Client('), suggestions: [] }],
    },
  ],
});

run('no-per-request-sts-call (real-code shapes)', stsRule, {
  valid: [{ name: 'reach: a log line naming the container endpoint is no fetch', code: "export const handler = async () => console.log('from 169.254.170.2');\n" }],
  invalid: [
    {
      name: 'reach: STS by the shape of its input, on an injected client',
      code: injectedSts,
      errors: [{ messageId: 'credentialsCallPerInvocation', ...at(injectedSts, 'this.sdk.sts.assumeRole('), suggestions: [] }],
    },
    {
      name: 'reach: a hand-written fetch of the container endpoint',
      code: endpointFetch,
      errors: [{ messageId: 'credentialsCallPerInvocation', ...at(endpointFetch, 'fetch('), suggestions: [] }],
    },
  ],
});
