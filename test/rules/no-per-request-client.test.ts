import rule from '../../rules/no-per-request-client.js';
import { at, run } from './support.js';

const S3 = "import { S3Client } from '@aws-sdk/client-s3';\n";

const handlerDefaultChain = `${S3}
export const handler = async () => {
  const s3 = new S3Client({ region: 'us-east-1' });
  return s3;
};
`;

const handlerVaryingConfig = `${S3}
export const handler = async (event) => {
  const s3 = new S3Client({ region: event.region });
  return s3;
};
`;

const uncachedProvider = `${S3}import { fromContainerMetadata } from '@aws-sdk/credential-providers';
import express from 'express';
const credentials = fromContainerMetadata();
const app = express();
app.post('/files', async (req, res) => {
  const s3 = new S3Client({ credentials });
  res.json(await s3.config.region());
});
`;

const loop = `import { SQSClient, ReceiveMessageCommand } from '@aws-sdk/client-sqs';
export async function poll(queueUrl) {
  for (;;) {
    const sqs = new SQSClient({});
    await sqs.send(new ReceiveMessageCommand({ QueueUrl: queueUrl }));
  }
}
`;

const reactRender = `import { LexRuntimeV2Client } from '@aws-sdk/client-lex-runtime-v2';
export function Chat() {
  const lex = new LexRuntimeV2Client({ region: 'eu-west-1' });
  return <div data-client={String(Boolean(lex))} />;
}
`;

const documentClient = `import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
export const handler = async () => {
  const ddb = DynamoDBDocumentClient.from(new DynamoDBClient({}));
  return ddb;
};
`;

const requireMember = `const clientS3 = require('@aws-sdk/client-s3');
exports.handler = async () => {
  const s3 = new clientS3.S3Client({});
  return s3;
};
`;

const classField = `import { GlueClient } from '@aws-sdk/client-glue';
import express from 'express';
class Catalog {
  readonly glue = new GlueClient({});
}
const app = express();
app.get('/', (req, res) => res.json(new Catalog()));
`;

const configWrites = (write: string): string => `${S3}
app.get('/files', async (req, res) => {
  const config = { region: 'eu-west-1' };
  ${write}
  res.json(await new S3Client(config).config.region());
});
`;

const configHelper = `${S3}
function buildConfig(storage) {
  const config = { region: storage.region };
  if (storage.key) config.credentials = { accessKeyId: storage.key, secretAccessKey: storage.secret };
  return config;
}
app.get('/files', async (req, res) => res.json(await new S3Client(buildConfig(req.storage)).config.region()));
`;

const offline = `${S3}app.get('/files', async (req, res) => res.json(await new S3Client({ region: 'eu-west-1', ...(process.env.IS_OFFLINE ? { endpoint: 'http://localhost:4566' } : {}), ...(req.local && { forcePathStyle: true }) }).config.region()));`;

run('no-per-request-client', rule, {
  valid: [
    { name: 'static keys written into the config after it is declared: nothing is fetched', code: configWrites("config.credentials = { accessKeyId: 'a', secretAccessKey: 'b' };") },
    { name: 'a config built by an unknown function stays opaque', code: `${S3}app.get('/', () => new S3Client(loadConfig()));` },
    { name: 'a spread whose branch may set credentials stays opaque', code: `${S3}app.get('/', (req) => new S3Client({ region: 'eu-west-1', ...(req.key ? { credentials: req.key } : {}) }));` },
    { name: 'a spread of something the analysis cannot see stays opaque', code: `${S3}app.get('/', (req) => new S3Client({ region: 'eu-west-1', ...req.config }));` },
    {
      name: 'a Lambda handler reaches the client through a loop in a helper: the strict shape',
      code: `${S3}export async function handler(event: { accounts: string[] }) { await syncAll(event.accounts); }
async function syncAll(accounts: string[]) { for (const account of accounts) await clientFor(account); }
async function clientFor(region: string) { return new S3Client({ region }); }`,
    },
    {
      name: 'module scope',
      code: `${S3}const s3 = new S3Client({});
export const handler = async () => s3;`,
    },
    {
      name: 'per-request client around a module-scope fromNodeProviderChain (caches by itself)',
      code: `${S3}import { fromNodeProviderChain } from '@aws-sdk/credential-providers';
const credentials = fromNodeProviderChain();
export const handler = async () => new S3Client({ credentials });`,
    },
    {
      name: 'per-request client around a module-scope cacheCredentials provider',
      code: `${S3}import { fromContainerMetadata } from '@aws-sdk/credential-providers';
import { cacheCredentials } from 'eslint-plugin-aws-credentials/runtime';
const credentials = cacheCredentials(fromContainerMetadata());
export const handler = async () => new S3Client({ credentials });`,
    },
    {
      name: 'per-request client around a per-request provider: reported by no-per-request-credential-provider',
      code: `${S3}import { fromTemporaryCredentials } from '@aws-sdk/credential-providers';
export const handler = async (event) => {
  const credentials = fromTemporaryCredentials({ params: { RoleArn: event.roleArn } });
  return new S3Client({ credentials });
};`,
    },
    {
      name: 'static credentials object',
      code: `${S3}export const handler = async (event) =>
  new S3Client({ credentials: { accessKeyId: event.key, secretAccessKey: event.secret, sessionToken: event.token } });`,
    },
    {
      name: 'SDK v2 client per request without credentials reuses the global credentials',
      code: `const AWS = require('aws-sdk');
exports.handler = async () => new AWS.S3().listBuckets().promise();`,
    },
    {
      name: 'SDK v2 aws-sdk/clients/* per request',
      code: `import S3 from 'aws-sdk/clients/s3';
export const handler = async () => new S3().listBuckets().promise();`,
    },
    {
      name: 'lazy initialisation',
      code: `${S3}let s3;
export const getS3 = () => (s3 ??= new S3Client({}));`,
    },
    {
      name: 'main() called once',
      code: `${S3}async function main() {
  const s3 = new S3Client({});
  await s3.config.region();
}
void main();`,
    },
    {
      name: 'configured memoizer',
      options: [{ memoizers: ['pMemoize'] }],
      code: `${S3}import pMemoize from 'p-memoize';
export const clientFor = pMemoize(async (region) => new S3Client({ region }));`,
    },
    {
      name: 'checkDefaultChain: false',
      options: [{ checkDefaultChain: false }],
      code: handlerDefaultChain,
    },
    {
      name: 'checkUncachedProvider: false',
      options: [{ checkUncachedProvider: false }],
      code: uncachedProvider,
    },
    {
      name: 'ignore by client name',
      options: [{ ignore: ['S3Client'] }],
      code: handlerDefaultChain,
    },
    {
      // GetId and GetCredentialsForIdentity are never signed: the client resolves no credentials.
      name: 'a Cognito Identity client per request used only for its unsigned operations',
      options: [{ checkLambdaDefaultChain: true }],
      code: `import { CognitoIdentityClient, GetIdCommand, GetCredentialsForIdentityCommand } from '@aws-sdk/client-cognito-identity';
export const handler = async (event: { pool: string }) => {
  const cognito = new CognitoIdentityClient({ region: 'eu-west-1' });
  const { IdentityId } = await cognito.send(new GetIdCommand({ IdentityPoolId: event.pool }));
  return cognito.send(new GetCredentialsForIdentityCommand({ IdentityId }));
};`,
    },
    {
      name: 'an STS client per request used only for AssumeRoleWithWebIdentity (the call is the STS rule\'s finding)',
      options: [{ checkLambdaDefaultChain: true }],
      code: `import { STSClient, AssumeRoleWithWebIdentityCommand } from '@aws-sdk/client-sts';
export const handler = async (event: { token: string }) => {
  const sts = new STSClient({});
  return sts.send(new AssumeRoleWithWebIdentityCommand({ RoleArn: 'arn:aws:iam::1:role/r', RoleSessionName: 's', WebIdentityToken: event.token }));
};`,
    },
  ],
  invalid: [
    {
      name: 'spreads of literals on every branch (a local endpoint when offline) set no credentials: the default chain runs',
      code: offline,
      errors: [{ messageId: 'clientDefaultChainPerInvocation', ...at(offline, 'new S3Client') }],
    },
    {
      name: 'static keys written only under an `if`: the other path runs the default chain',
      code: configWrites("if (process.env.KEY) config.credentials = { accessKeyId: 'a', secretAccessKey: 'b' };"),
      errors: [{ messageId: 'clientDefaultChainPerInvocation', ...at(configWrites("if (process.env.KEY) config.credentials = { accessKeyId: 'a', secretAccessKey: 'b' };"), 'new S3Client') }],
    },
    {
      name: 'a config built by a local helper that sets static keys only when they are configured',
      code: configHelper,
      errors: [{ messageId: 'clientDefaultChainPerInvocation', ...at(configHelper, 'new S3Client') }],
    },
    {
      name: 'an STS client per request that also signs (GetCallerIdentity) is reported',
      options: [{ checkLambdaDefaultChain: true }],
      code: `import { STSClient, AssumeRoleWithWebIdentityCommand, GetCallerIdentityCommand } from '@aws-sdk/client-sts';
export const handler = async (event: { token: string }) => {
  const sts = new STSClient({ region: 'eu-west-1' });
  await sts.send(new AssumeRoleWithWebIdentityCommand({ RoleArn: 'arn:aws:iam::1:role/r', RoleSessionName: 's', WebIdentityToken: event.token }));
  return sts.send(new GetCallerIdentityCommand({}));
};`,
      errors: [
        {
          messageId: 'clientDefaultChainInLambda',
          line: 3,
          suggestions: [
            {
              messageId: 'suggestHoist',
              output: `import { STSClient, AssumeRoleWithWebIdentityCommand, GetCallerIdentityCommand } from '@aws-sdk/client-sts';
const stsClient = new STSClient({ region: 'eu-west-1' });

export const handler = async (event: { token: string }) => {
  const sts = stsClient;
  await sts.send(new AssumeRoleWithWebIdentityCommand({ RoleArn: 'arn:aws:iam::1:role/r', RoleSessionName: 's', WebIdentityToken: event.token }));
  return sts.send(new GetCallerIdentityCommand({}));
};`,
            },
          ],
        },
      ],
    },
    {
      name: 'Lambda handler, no credentials, module-stable config',
      code: handlerDefaultChain,
      options: [{ checkLambdaDefaultChain: true }],
      errors: [
        {
          messageId: 'clientDefaultChainInLambda', ...at(handlerDefaultChain, 'new S3Client('),
          suggestions: [
            {
              messageId: 'suggestHoist',
              output: `import { S3Client } from '@aws-sdk/client-s3';

const s3Client = new S3Client({ region: 'us-east-1' });

export const handler = async () => {
  const s3 = s3Client;
  return s3;
};
`,
            },
          ],
        },
      ],
    },
    {
      name: 'Lambda handler, config from the event',
      code: handlerVaryingConfig,
      options: [{ checkLambdaDefaultChain: true }],
      errors: [{ messageId: 'clientDefaultChainInLambda', ...at(handlerVaryingConfig, 'new S3Client('), suggestions: [] }],
    },
    {
      name: 'route, module-scope provider that does not cache by itself',
      code: uncachedProvider,
      errors: [
        {
          messageId: 'clientUncachedProviderPerInvocation', ...at(uncachedProvider, 'new S3Client('),
          suggestions: [
            {
              messageId: 'suggestHoist',
              output: `import { S3Client } from '@aws-sdk/client-s3';
import { fromContainerMetadata } from '@aws-sdk/credential-providers';
import express from 'express';
import { cacheCredentials } from 'eslint-plugin-aws-credentials/runtime';
const credentials = cacheCredentials(fromContainerMetadata());
const app = express();
app.post('/files', async (req, res) => {
  const s3 = new S3Client({ credentials });
  res.json(await s3.config.region());
});
`,
            },
          ],
        },
      ],
    },
    {
      name: 'loop',
      code: loop,
      errors: [
        {
          messageId: 'clientDefaultChainPerInvocation', ...at(loop, 'new SQSClient('),
          suggestions: [
            {
              messageId: 'suggestHoist',
              output: `import { SQSClient, ReceiveMessageCommand } from '@aws-sdk/client-sqs';
const sqsClient = new SQSClient({});

export async function poll(queueUrl) {
  for (;;) {
    const sqs = sqsClient;
    await sqs.send(new ReceiveMessageCommand({ QueueUrl: queueUrl }));
  }
}
`,
            },
          ],
        },
      ],
    },
    {
      name: 'React render',
      filename: 'react.tsx',
      code: reactRender,
      errors: [
        {
          messageId: 'clientDefaultChainPerInvocation', ...at(reactRender, 'new LexRuntimeV2Client('),
          suggestions: [
            {
              messageId: 'suggestHoist',
              output: `import { LexRuntimeV2Client } from '@aws-sdk/client-lex-runtime-v2';
const lexRuntimeV2Client = new LexRuntimeV2Client({ region: 'eu-west-1' });

export function Chat() {
  const lex = lexRuntimeV2Client;
  return <div data-client={String(Boolean(lex))} />;
}
`,
            },
          ],
        },
      ],
    },
    {
      name: 'DynamoDBDocumentClient.from(new DynamoDBClient()) in a handler',
      code: documentClient,
      options: [{ checkLambdaDefaultChain: true }],
      errors: [
        {
          messageId: 'clientDefaultChainInLambda', ...at(documentClient, 'new DynamoDBClient('),
          suggestions: [
            {
              messageId: 'suggestHoist',
              output: `import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
const dynamoDBClient = new DynamoDBClient({});

export const handler = async () => {
  const ddb = DynamoDBDocumentClient.from(dynamoDBClient);
  return ddb;
};
`,
            },
          ],
        },
      ],
    },
    {
      name: 'require and member access',
      code: requireMember,
      options: [{ checkLambdaDefaultChain: true }],
      errors: [
        {
          messageId: 'clientDefaultChainInLambda', ...at(requireMember, 'new clientS3.S3Client('),
          suggestions: [
            {
              messageId: 'suggestHoist',
              output: `const clientS3 = require('@aws-sdk/client-s3');
const s3Client = new clientS3.S3Client({});

exports.handler = async () => {
  const s3 = s3Client;
  return s3;
};
`,
            },
          ],
        },
      ],
    },
    {
      name: 'class field of a class constructed per route',
      code: classField,
      errors: [
        {
          messageId: 'clientDefaultChainPerInvocation', ...at(classField, 'new GlueClient('),
          suggestions: [
            {
              messageId: 'suggestHoist',
              output: `import { GlueClient } from '@aws-sdk/client-glue';
import express from 'express';
const glueClient = new GlueClient({});

class Catalog {
  readonly glue = glueClient;
}
const app = express();
app.get('/', (req, res) => res.json(new Catalog()));
`,
            },
          ],
        },
      ],
    },
  ],
});
