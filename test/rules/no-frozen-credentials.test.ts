import rule from '../../rules/no-frozen-credentials.js';
import { at, run } from './support.js';

const invokedOnce = `import { fromTemporaryCredentials } from '@aws-sdk/credential-providers';
import { S3Client } from '@aws-sdk/client-s3';
const credentials = await fromTemporaryCredentials({ params: { RoleArn: process.env.ROLE_ARN } })();
export const s3 = new S3Client({ credentials });
`;

const invokedOnceRequire = `const { fromIni } = require('@aws-sdk/credential-providers');
const { S3Client } = require('@aws-sdk/client-s3');
async function makeClient() {
  return new S3Client({ credentials: await fromIni({ profile: 'worker' })() });
}
module.exports = { makeClient };
`;

const awaited = `import { fromIni } from '@aws-sdk/credential-providers';
import { KinesisClient } from '@aws-sdk/client-kinesis';
const provider = fromIni({ profile: 'worker' });
const credentials = await provider();
export const kinesis = new KinesisClient({ credentials });
`;

const globalPerRequest = `const AWS = require('aws-sdk');
exports.handler = async (event) => {
  AWS.config.credentials = new AWS.TemporaryCredentials({ RoleArn: event.roleArn });
  return new AWS.S3().listBuckets().promise();
};
`;

run('no-frozen-credentials', rule, {
  valid: [
    {
      name: 'awaited inside the provider a `make…CredentialsProvider` method returns: resolved afresh on every call of it',
      code: `import { fromIni } from '@aws-sdk/credential-providers';
export class Profiles {
  makeWorkerCredentialsProvider() {
    const base = fromIni({ profile: 'worker' });
    return async () => {
      const credentials = await base();
      return { ...credentials };
    };
  }
}`,
    },
    {
      name: 'the provider itself is passed',
      code: `import { fromTemporaryCredentials } from '@aws-sdk/credential-providers';
import { S3Client } from '@aws-sdk/client-s3';
export const s3 = new S3Client({ credentials: fromTemporaryCredentials({ params: { RoleArn: process.env.ROLE_ARN } }) });`,
    },
    {
      name: 'AWS.config.credentials set once at module scope',
      code: `const AWS = require('aws-sdk');
AWS.config.credentials = new AWS.ChainableTemporaryCredentials({ params: { RoleArn: process.env.ROLE_ARN } });`,
    },
    {
      name: 'credentials awaited per call are fetched again on every call, not frozen',
      code: `import { fromIni } from '@aws-sdk/credential-providers';
import { KinesisClient } from '@aws-sdk/client-kinesis';
const provider = fromIni({ profile: 'worker' });
export async function makeKinesis() {
  const credentials = await provider();
  return new KinesisClient({ credentials });
}`,
    },
    {
      name: 'checkAwaitedCredentials: false',
      options: [{ checkAwaitedCredentials: false }],
      code: awaited,
    },
    {
      name: 'checkGlobalCredentials: false',
      options: [{ checkGlobalCredentials: false }],
      code: globalPerRequest,
    },
    {
      name: 'a local function called twice',
      code: `const fromIni = () => () => ({});
export const credentials = fromIni()();`,
    },
  ],
  invalid: [
    {
      name: 'fromX()() awaited at module scope',
      code: invokedOnce,
      errors: [
        {
          messageId: 'providerInvokedOnce', ...at(invokedOnce, 'fromTemporaryCredentials({'),
          suggestions: [
            {
              messageId: 'suggestHoist',
              output: `import { fromTemporaryCredentials } from '@aws-sdk/credential-providers';
import { S3Client } from '@aws-sdk/client-s3';
const credentials = fromTemporaryCredentials({ params: { RoleArn: process.env.ROLE_ARN } });
export const s3 = new S3Client({ credentials });
`,
            },
          ],
        },
      ],
    },
    {
      name: 'fromIni()() with require, inside a factory',
      code: invokedOnceRequire,
      errors: [
        {
          messageId: 'providerInvokedOnce', ...at(invokedOnceRequire, "fromIni({ profile: 'worker' })()"),
          suggestions: [
            {
              messageId: 'suggestHoist',
              output: `const { fromIni } = require('@aws-sdk/credential-providers');
const { S3Client } = require('@aws-sdk/client-s3');
async function makeClient() {
  return new S3Client({ credentials: fromIni({ profile: 'worker' }) });
}
module.exports = { makeClient };
`,
            },
          ],
        },
      ],
    },
    {
      name: 'credentials awaited from a provider and passed on',
      code: awaited,
      errors: [
        {
          messageId: 'awaitedCredentialsFrozen', ...at(awaited, 'provider()'),
          suggestions: [
            {
              messageId: 'suggestHoist',
              output: `import { fromIni } from '@aws-sdk/credential-providers';
import { KinesisClient } from '@aws-sdk/client-kinesis';
const provider = fromIni({ profile: 'worker' });
const credentials = provider;
export const kinesis = new KinesisClient({ credentials });
`,
            },
          ],
        },
      ],
    },
    {
      name: 'AWS.config.credentials replaced in a handler',
      code: globalPerRequest,
      errors: [{ messageId: 'globalCredentialsPerInvocation', ...at(globalPerRequest, 'AWS.config.credentials ='), suggestions: [] }],
    },
  ],
});
