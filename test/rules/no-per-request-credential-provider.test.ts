import rule from '../../rules/no-per-request-credential-provider.js';
import { join } from 'node:path';
import { at, run } from './support.js';

const V3 = "import { fromTemporaryCredentials, fromContainerMetadata, fromIni } from '@aws-sdk/credential-providers';\n";

// ---------------------------------------------------------------------------------------------
// Invalid cases. Each `code` is a const so the expected location is computed from the snippet.
// ---------------------------------------------------------------------------------------------

const handlerNamed = `${V3}
export const handler = async (event) => {
  const credentials = fromTemporaryCredentials({ params: { RoleArn: event.roleArn } });
  return credentials;
};
`;

const handlerStableInputs = `${V3}
export const handler = async () => {
  const credentials = fromContainerMetadata({ timeout: 1000 });
  return credentials;
};
`;

const renamed = `import { fromTemporaryCredentials as assume } from '@aws-sdk/credential-providers';
export async function handler(event) {
  return assume({ params: { RoleArn: event.roleArn } });
}
`;

const defaultImport = `import credentialProviderNode from '@aws-sdk/credential-provider-node';
export const handler = async () => {
  const provider = credentialProviderNode.defaultProvider();
  return provider;
};
`;

const namespaceImport = `import * as providers from '@aws-sdk/credential-providers';
export const handler = async (event) => {
  const provider = providers.fromIni({ profile: event.profile });
  return provider;
};
`;

const requireDestructuring = `const { fromTemporaryCredentials: temporary } = require('@aws-sdk/credential-providers');
exports.handler = async (event) => {
  const provider = temporary({ params: { RoleArn: event.roleArn } });
  return provider;
};
`;

const requireMember = `const credentialProviders = require('@aws-sdk/credential-providers');
exports.handler = async () => {
  const provider = credentialProviders.fromContainerMetadata();
  return provider;
};
`;

const importEqualsRequire = `import imds = require('@aws-sdk/credential-provider-imds');
export const handler = async () => {
  const provider = imds.fromInstanceMetadata({ maxRetries: 3 });
  return provider;
};
`;

const awaitImport = `export const handler = async (event) => {
  const { fromSSO } = await import('@aws-sdk/credential-providers');
  const provider = fromSSO({ profile: event.profile });
  return provider;
};
`;

const v2Member = `const AWS = require('aws-sdk');
exports.handler = async (event) => {
  const credentials = new AWS.ChainableTemporaryCredentials({ params: { RoleArn: event.roleArn } });
  return new AWS.S3({ credentials });
};
`;

const v2Named = `import { ECSCredentials } from 'aws-sdk';
export const handler = async () => {
  const credentials = new ECSCredentials({ timeout: 1000 });
  return credentials;
};
`;

const mskToken = `import { generateAuthTokenFromRole } from 'aws-msk-iam-sasl-signer-js';
export const sasl = {
  mechanism: 'oauthbearer',
  oauthBearerProvider: async () => {
    const token = await generateAuthTokenFromRole({ region: 'us-east-1', awsRoleArn: process.env.MSK_ROLE_ARN });
    return { value: token.token };
  },
};
`;

const routeCallback = `${V3}import express from 'express';
const app = express();
app.get('/profiles/:profile', async (req, res) => {
  const provider = fromIni({ profile: req.params.profile });
  res.json(await provider());
});
`;

const loop = `${V3}
const accounts = process.env.ACCOUNTS.split(',');
for (const account of accounts) {
  const provider = fromTemporaryCredentials({ params: { RoleArn: \`arn:aws:iam::\${account}:role/audit\` } });
  await provider();
}
`;

const reactRender = `import { fromCognitoIdentityPool } from '@aws-sdk/credential-providers';
export function Upload({ poolId }: { poolId: string }) {
  const credentials = fromCognitoIdentityPool({ identityPoolId: poolId, clientConfig: { region: 'eu-west-1' } });
  return <input type="file" data-ready={Boolean(credentials)} />;
}
`;

const exportedFactory = `${V3}
export function credentialsFor(roleArn: string) {
  return fromTemporaryCredentials({ params: { RoleArn: roleArn } });
}
`;

const perCallFactory = `${exportedFactory}export const handler = async (event: { role: string }) => credentialsFor(event.role);
`;

const localFactoryFromHandler = `${V3}
function makeProvider() {
  return fromContainerMetadata();
}
export const handler = async () => {
  const provider = makeProvider();
  return provider();
};
`;

const classPerRoute = `${V3}import express from 'express';
class TenantStore {
  readonly credentials;
  constructor(roleArn: string) {
    this.credentials = fromTemporaryCredentials({ params: { RoleArn: roleArn } });
  }
}
const app = express();
app.get('/', (req, res) => {
  const store = new TenantStore(req.user.roleArn);
  res.json(store);
});
`;

run('no-per-request-credential-provider', rule, {
  valid: [
    {
      name: 'a provider asked to read the shared files again on every call (`ignoreCache: true`)',
      code: `import { fromIni } from '@aws-sdk/credential-providers';
export const handler = async (event) => fromIni({ profile: event.profile, ignoreCache: true })();`,
    },
    { name: 'an exported factory with no caller in its file is judged at its callers', code: exportedFactory },
    {
      name: 'module scope',
      code: `${V3}const credentials = fromTemporaryCredentials({ params: { RoleArn: process.env.ROLE_ARN } });
export const handler = async () => credentials;`,
    },
    {
      name: 'module-scope IIFE and top-level await',
      code: `${V3}export const provider = (() => fromContainerMetadata())();
export const later = await Promise.resolve(fromIni({ profile: 'x' }));`,
    },
    {
      name: 'React useMemo initialiser',
      filename: 'react.tsx',
      code: `import { useMemo } from 'react';
import { fromCognitoIdentityPool } from '@aws-sdk/credential-providers';
export function Upload({ poolId }: { poolId: string }) {
  const credentials = useMemo(() => fromCognitoIdentityPool({ identityPoolId: poolId }), [poolId]);
  return <input data-ready={Boolean(credentials)} />;
}`,
    },
    {
      name: 'lazy initialisation with ??=',
      code: `${V3}let provider;
export function getProvider() {
  provider ??= fromContainerMetadata();
  return provider;
}`,
    },
    {
      name: 'lazy initialisation with if (!x)',
      code: `${V3}let provider;
export function getProvider() {
  if (!provider) provider = fromContainerMetadata();
  return provider;
}`,
    },
    {
      name: 'Map get-miss-set',
      code: `${V3}const providers = new Map();
export function providerFor(roleArn) {
  let provider = providers.get(roleArn);
  if (!provider) {
    provider = fromTemporaryCredentials({ params: { RoleArn: roleArn } });
    providers.set(roleArn, provider);
  }
  return provider;
}`,
    },
    {
      name: 'main() called once at module scope',
      code: `${V3}async function main() {
  const provider = fromIni({ profile: process.argv[2] });
  console.log(await provider());
}
main();`,
    },
    {
      name: 'sharedCredentials factory',
      code: `${V3}import { sharedCredentials } from 'eslint-plugin-aws-credentials/runtime';
export const handler = async (event) => {
  const credentials = sharedCredentials({ roleArn: event.roleArn }, () => fromTemporaryCredentials({ params: { RoleArn: event.roleArn } }));
  return credentials;
};`,
    },
    {
      name: 'cacheCredentials at module scope',
      code: `${V3}import { cacheCredentials } from 'eslint-plugin-aws-credentials/runtime';
const credentials = cacheCredentials(fromContainerMetadata());
export const handler = async () => credentials();`,
    },
    {
      name: 'configured memoizer',
      options: [{ memoizers: ['memoize'] }],
      code: `${V3}import memoize from 'lodash.memoize';
export const providerFor = memoize((roleArn) => fromTemporaryCredentials({ params: { RoleArn: roleArn } }));`,
    },
    {
      name: 'class instantiated once at module scope',
      code: `${V3}class Store {
  readonly credentials = fromContainerMetadata();
}
export const store = new Store();`,
    },
    {
      name: 'a local function that happens to be called fromIni',
      code: `function fromIni(options) { return options; }
export const handler = async (event) => fromIni({ profile: event.profile });`,
    },
    {
      name: 'an import of the same name from another module',
      code: `import { fromTemporaryCredentials } from './credentials';
export const handler = async (event) => fromTemporaryCredentials({ params: { RoleArn: event.roleArn } });`,
    },
    {
      name: 'checkV2Credentials: false',
      options: [{ checkV2Credentials: false }],
      code: v2Member,
    },
    {
      name: 'checkMskTokens: false',
      options: [{ checkMskTokens: false }],
      code: mskToken,
    },
    {
      name: 'ignore by API name',
      options: [{ ignore: ['fromIni'] }],
      code: namespaceImport,
    },
  ],
  invalid: [
    {
      name: 'Lambda handler, named import, inputs from the event (keyed)',
      code: handlerNamed,
      errors: [
        {
          messageId: 'providerPerInvocation', ...at(handlerNamed, 'fromTemporaryCredentials({ params'),
          suggestions: [
            {
              messageId: 'suggestKeyed',
              output: `import { fromTemporaryCredentials, fromContainerMetadata, fromIni } from '@aws-sdk/credential-providers';
import { sharedCredentials } from 'eslint-plugin-aws-credentials/runtime';

export const handler = async (event) => {
  const credentials = sharedCredentials({ source: 'fromTemporaryCredentials', RoleArn: event.roleArn }, () => fromTemporaryCredentials({ params: { RoleArn: event.roleArn } }));
  return credentials;
};
`,
            },
          ],
        },
      ],
    },
    {
      name: 'Lambda handler, module-stable inputs (hoist)',
      code: handlerStableInputs,
      errors: [
        {
          messageId: 'providerPerInvocation', ...at(handlerStableInputs, 'fromContainerMetadata({'),
          suggestions: [
            {
              messageId: 'suggestHoist',
              output: `import { fromTemporaryCredentials, fromContainerMetadata, fromIni } from '@aws-sdk/credential-providers';
import { cacheCredentials } from 'eslint-plugin-aws-credentials/runtime';

const containerMetadataCredentials = cacheCredentials(fromContainerMetadata({ timeout: 1000 }));

export const handler = async () => {
  const credentials = containerMetadataCredentials;
  return credentials;
};
`,
            },
          ],
        },
      ],
    },
    {
      name: 'renamed import',
      code: renamed,
      errors: [
        {
          messageId: 'providerPerInvocation', ...at(renamed, 'assume({'),
          suggestions: [
            {
              messageId: 'suggestKeyed',
              output: `import { fromTemporaryCredentials as assume } from '@aws-sdk/credential-providers';
import { sharedCredentials } from 'eslint-plugin-aws-credentials/runtime';
export async function handler(event) {
  return sharedCredentials({ source: 'fromTemporaryCredentials', RoleArn: event.roleArn }, () => assume({ params: { RoleArn: event.roleArn } }));
}
`,
            },
          ],
        },
      ],
    },
    {
      name: 'default import of a single-provider package',
      code: defaultImport,
      errors: [
        {
          messageId: 'providerPerInvocation', ...at(defaultImport, 'credentialProviderNode.defaultProvider()'),
          suggestions: [
            {
              messageId: 'suggestHoist',
              output: `import credentialProviderNode from '@aws-sdk/credential-provider-node';
import { cacheCredentials } from 'eslint-plugin-aws-credentials/runtime';
const defaultCredentials = cacheCredentials(credentialProviderNode.defaultProvider());

export const handler = async () => {
  const provider = defaultCredentials;
  return provider;
};
`,
            },
          ],
        },
      ],
    },
    {
      name: 'namespace import',
      code: namespaceImport,
      errors: [
        {
          messageId: 'providerPerInvocation', ...at(namespaceImport, 'providers.fromIni('),
          suggestions: [
            {
              messageId: 'suggestKeyed',
              output: `import * as providers from '@aws-sdk/credential-providers';
import { sharedCredentials } from 'eslint-plugin-aws-credentials/runtime';
export const handler = async (event) => {
  const provider = sharedCredentials({ source: 'fromIni', profile: event.profile }, () => providers.fromIni({ profile: event.profile }));
  return provider;
};
`,
            },
          ],
        },
      ],
    },
    {
      name: 'require with destructuring and renaming',
      code: requireDestructuring,
      errors: [
        {
          messageId: 'providerPerInvocation', ...at(requireDestructuring, 'temporary({'),
          suggestions: [
            {
              messageId: 'suggestKeyed',
              output: `const { fromTemporaryCredentials: temporary } = require('@aws-sdk/credential-providers');
const { sharedCredentials } = require('eslint-plugin-aws-credentials/runtime');
exports.handler = async (event) => {
  const provider = sharedCredentials({ source: 'fromTemporaryCredentials', RoleArn: event.roleArn }, () => temporary({ params: { RoleArn: event.roleArn } }));
  return provider;
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
      errors: [
        {
          messageId: 'providerPerInvocation', ...at(requireMember, 'credentialProviders.fromContainerMetadata()'),
          suggestions: [
            {
              messageId: 'suggestHoist',
              output: `const credentialProviders = require('@aws-sdk/credential-providers');
const { cacheCredentials } = require('eslint-plugin-aws-credentials/runtime');
const containerMetadataCredentials = cacheCredentials(credentialProviders.fromContainerMetadata());

exports.handler = async () => {
  const provider = containerMetadataCredentials;
  return provider;
};
`,
            },
          ],
        },
      ],
    },
    {
      name: 'import = require',
      code: importEqualsRequire,
      errors: [
        {
          messageId: 'providerPerInvocation', ...at(importEqualsRequire, 'imds.fromInstanceMetadata('),
          suggestions: [
            {
              messageId: 'suggestHoist',
              output: `import imds = require('@aws-sdk/credential-provider-imds');
import { cacheCredentials } from 'eslint-plugin-aws-credentials/runtime';
const instanceMetadataCredentials = cacheCredentials(imds.fromInstanceMetadata({ maxRetries: 3 }));

export const handler = async () => {
  const provider = instanceMetadataCredentials;
  return provider;
};
`,
            },
          ],
        },
      ],
    },
    {
      name: 'await import()',
      code: awaitImport,
      errors: [
        {
          messageId: 'providerPerInvocation', ...at(awaitImport, 'fromSSO({'),
          suggestions: [
            {
              messageId: 'suggestKeyed',
              output: `import { sharedCredentials } from 'eslint-plugin-aws-credentials/runtime';

export const handler = async (event) => {
  const { fromSSO } = await import('@aws-sdk/credential-providers');
  const provider = sharedCredentials({ source: 'fromSSO', profile: event.profile }, () => fromSSO({ profile: event.profile }));
  return provider;
};
`,
            },
          ],
        },
      ],
    },
    {
      name: 'SDK v2 AWS.ChainableTemporaryCredentials',
      code: v2Member,
      errors: [{ messageId: 'v2CredentialsPerInvocation', ...at(v2Member, 'new AWS.ChainableTemporaryCredentials'), suggestions: [] }],
    },
    {
      name: 'SDK v2 named import',
      code: v2Named,
      errors: [
        {
          messageId: 'v2CredentialsPerInvocation', ...at(v2Named, 'new ECSCredentials'),
          suggestions: [
            {
              messageId: 'suggestHoist',
              output: `import { ECSCredentials } from 'aws-sdk';
const ecsCredentials = new ECSCredentials({ timeout: 1000 });

export const handler = async () => {
  const credentials = ecsCredentials;
  return credentials;
};
`,
            },
          ],
        },
      ],
    },
    {
      // No package.json to read: the fix would import @aws-sdk/credential-providers unchecked.
      name: 'MSK token per KafkaJS connection, the project unknown: reported, no suggestion',
      code: mskToken,
      errors: [{ messageId: 'mskTokenPerInvocation', ...at(mskToken, 'generateAuthTokenFromRole({'), suggestions: [] }],
    },
    {
      // The project uses the signer, which is built on @aws-sdk/credential-providers: fix adds it.
      name: 'MSK token per KafkaJS connection',
      code: mskToken,
      filename: join(__dirname, '__fixtures__', 'msk-project', 'consumer.ts'),
      errors: [
        {
          messageId: 'mskTokenPerInvocation', ...at(mskToken, 'generateAuthTokenFromRole({'),
          suggestions: [
            {
              messageId: 'suggestHoist',
              output: `import { generateAuthTokenFromCredentialsProvider } from 'aws-msk-iam-sasl-signer-js';
import { fromTemporaryCredentials } from '@aws-sdk/credential-providers';
import { cacheCredentials } from 'eslint-plugin-aws-credentials/runtime';
const mskCredentials = cacheCredentials(fromTemporaryCredentials({ params: { RoleArn: process.env.MSK_ROLE_ARN, RoleSessionName: 'MSKSASLDefaultSession' }, clientConfig: { region: 'us-east-1' } }));

export const sasl = {
  mechanism: 'oauthbearer',
  oauthBearerProvider: async () => {
    const token = await generateAuthTokenFromCredentialsProvider({ region: 'us-east-1', awsCredentialsProvider: mskCredentials });
    return { value: token.token };
  },
};
`,
            },
          ],
        },
      ],
    },
    {
      name: 'Express route callback',
      code: routeCallback,
      errors: [
        {
          messageId: 'providerPerInvocation', ...at(routeCallback, 'fromIni({ profile: req'),
          suggestions: [
            {
              messageId: 'suggestKeyed',
              output: `import { fromTemporaryCredentials, fromContainerMetadata, fromIni } from '@aws-sdk/credential-providers';
import express from 'express';
import { sharedCredentials } from 'eslint-plugin-aws-credentials/runtime';
const app = express();
app.get('/profiles/:profile', async (req, res) => {
  const provider = sharedCredentials({ source: 'fromIni', profile: req.params.profile }, () => fromIni({ profile: req.params.profile }));
  res.json(await provider());
});
`,
            },
          ],
        },
      ],
    },
    {
      name: 'loop at module scope',
      code: loop,
      errors: [
        {
          messageId: 'providerPerInvocation', ...at(loop, 'fromTemporaryCredentials({ params'),
          suggestions: [
            {
              messageId: 'suggestKeyed',
              output: `import { fromTemporaryCredentials, fromContainerMetadata, fromIni } from '@aws-sdk/credential-providers';
import { sharedCredentials } from 'eslint-plugin-aws-credentials/runtime';

const accounts = process.env.ACCOUNTS.split(',');
for (const account of accounts) {
  const provider = sharedCredentials({ source: 'fromTemporaryCredentials', RoleArn: \`arn:aws:iam::\${account}:role/audit\` }, () => fromTemporaryCredentials({ params: { RoleArn: \`arn:aws:iam::\${account}:role/audit\` } }));
  await provider();
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
          messageId: 'providerPerInvocation', ...at(reactRender, 'fromCognitoIdentityPool({'),
          suggestions: [
            {
              messageId: 'suggestKeyed',
              output: `import { fromCognitoIdentityPool } from '@aws-sdk/credential-providers';
import { sharedCredentials } from 'eslint-plugin-aws-credentials/runtime';
export function Upload({ poolId }: { poolId: string }) {
  const credentials = sharedCredentials({ source: 'fromCognitoIdentityPool', identityPoolId: poolId, region: 'eu-west-1' }, () => fromCognitoIdentityPool({ identityPoolId: poolId, clientConfig: { region: 'eu-west-1' } }));
  return <input type="file" data-ready={Boolean(credentials)} />;
}
`,
            },
          ],
        },
      ],
    },
    {
      name: 'per-call factory',
      code: perCallFactory,
      errors: [
        {
          messageId: 'providerPerInvocation', ...at(perCallFactory, 'fromTemporaryCredentials({ params'),
          suggestions: [
            {
              messageId: 'suggestKeyed',
              output: `import { fromTemporaryCredentials, fromContainerMetadata, fromIni } from '@aws-sdk/credential-providers';
import { sharedCredentials } from 'eslint-plugin-aws-credentials/runtime';

export function credentialsFor(roleArn: string) {
  return sharedCredentials({ source: 'fromTemporaryCredentials', RoleArn: roleArn }, () => fromTemporaryCredentials({ params: { RoleArn: roleArn } }));
}
export const handler = async (event: { role: string }) => credentialsFor(event.role);
`,
            },
          ],
        },
      ],
    },
    {
      name: 'local factory followed from a handler',
      code: localFactoryFromHandler,
      errors: [
        {
          messageId: 'providerPerInvocation', ...at(localFactoryFromHandler, 'fromContainerMetadata()'),
          suggestions: [
            {
              messageId: 'suggestHoist',
              output: `import { fromTemporaryCredentials, fromContainerMetadata, fromIni } from '@aws-sdk/credential-providers';
import { cacheCredentials } from 'eslint-plugin-aws-credentials/runtime';

const containerMetadataCredentials = cacheCredentials(fromContainerMetadata());

function makeProvider() {
  return containerMetadataCredentials;
}
export const handler = async () => {
  const provider = makeProvider();
  return provider();
};
`,
            },
          ],
        },
      ],
    },
    {
      name: 'class constructed per route',
      code: classPerRoute,
      errors: [
        {
          messageId: 'providerPerInvocation', ...at(classPerRoute, 'fromTemporaryCredentials({ params'),
          suggestions: [
            {
              messageId: 'suggestKeyed',
              output: `import { fromTemporaryCredentials, fromContainerMetadata, fromIni } from '@aws-sdk/credential-providers';
import express from 'express';
import { sharedCredentials } from 'eslint-plugin-aws-credentials/runtime';
class TenantStore {
  readonly credentials;
  constructor(roleArn: string) {
    this.credentials = sharedCredentials({ source: 'fromTemporaryCredentials', RoleArn: roleArn }, () => fromTemporaryCredentials({ params: { RoleArn: roleArn } }));
  }
}
const app = express();
app.get('/', (req, res) => {
  const store = new TenantStore(req.user.roleArn);
  res.json(store);
});
`,
            },
          ],
        },
      ],
    },
  ],
});
