// Small sources, one per import style and per frequency shape, with what the analysis must say.
export interface Case {
  readonly name: string;
  readonly file?: string;
  readonly code: string;
  /** `rule:messageId@line` per expected site, in source order; [] when nothing may be reported. */
  readonly expect: readonly string[];
  /** The frequency label of the first site, when it matters. */
  readonly context?: string;
}

const handler = (body: string): string => `export const handler = async (event) => {\n${body}\n};`;

export const IMPORT_STYLES: readonly Case[] = [
  { name: 'named import', code: `import { fromIni } from '@aws-sdk/credential-providers';\n${handler("  return fromIni({ profile: 'p' });")}`, expect: ['no-per-request-credential-provider:providerPerInvocation@3'] },
  { name: 'renamed import', code: `import { fromIni as ini } from '@aws-sdk/credential-providers';\n${handler('  return ini();')}`, expect: ['no-per-request-credential-provider:providerPerInvocation@3'] },
  { name: 'namespace import', code: `import * as cp from '@aws-sdk/credential-providers';\n${handler('  return cp.fromProcess();')}`, expect: ['no-per-request-credential-provider:providerPerInvocation@3'] },
  { name: 'default import of a single-provider package', code: `import node from '@aws-sdk/credential-provider-node';\n${handler('  return node.defaultProvider();')}`, expect: ['no-per-request-credential-provider:providerPerInvocation@3'] },
  { name: 'require destructuring', file: 'a.cjs', code: `const { fromIni: ini } = require('@aws-sdk/credential-providers');\nexports.handler = async () => ini();`, expect: ['no-per-request-credential-provider:providerPerInvocation@2'] },
  { name: 'require member access', file: 'a.cjs', code: `const fromProcess = require('@aws-sdk/credential-providers').fromProcess;\nmodule.exports.handler = async () => fromProcess();`, expect: ['no-per-request-credential-provider:providerPerInvocation@2'] },
  { name: 'import = require', file: 'a.ts', code: `import cp = require('@aws-sdk/credential-providers');\n${handler('  return cp.fromIni();')}`, expect: ['no-per-request-credential-provider:providerPerInvocation@3'] },
  { name: 'await import()', code: handler("  const { fromSSO } = await import('@aws-sdk/credential-providers');\n  return fromSSO();"), expect: ['no-per-request-credential-provider:providerPerInvocation@3'] },
  { name: 'SDK v2 AWS.X', code: `import AWS from 'aws-sdk';\n${handler('  return new AWS.ECSCredentials();')}`, expect: ['no-per-request-credential-provider:v2CredentialsPerInvocation@3'] },
  { name: 'SDK v2 aws-sdk/clients/sts', code: `import STS from 'aws-sdk/clients/sts';\n${handler("  return new STS().assumeRole({ RoleArn: 'r', RoleSessionName: 's' }).promise();")}`, expect: ['no-per-request-sts-call:credentialsCallPerInvocation@3'] },
  { name: 'v3 client from a namespace', code: `import * as s3 from '@aws-sdk/client-s3';\n${handler('  return new s3.S3Client({});')}`, expect: ['no-per-request-client:clientDefaultChainInLambda@3'] },
  { name: 'v3 STS command', code: `import { STSClient, AssumeRoleCommand } from '@aws-sdk/client-sts';\nconst sts = new STSClient({});\n${handler("  return sts.send(new AssumeRoleCommand({ RoleArn: event.role, RoleSessionName: 's' }));")}`, expect: ['no-per-request-sts-call:credentialsCallPerInvocation@4'] },
  { name: 'MSK signer', code: `import { generateAuthTokenFromRole } from 'aws-msk-iam-sasl-signer-js';\nexport const sasl = { mechanism: 'oauthbearer', oauthBearerProvider: async () => ({ value: (await generateAuthTokenFromRole({ region: 'us-east-1', awsRoleArn: 'r' })).token }) };`, expect: ['no-per-request-credential-provider:mskTokenPerInvocation@2'] },
  { name: 'a local function with a catalog name is not a match', code: `function fromIni() { return 1; }\nimport '@aws-sdk/client-s3';\n${handler('  return fromIni();')}`, expect: [] },
  { name: 'a parameter shadowing an import is not a match', code: `import { fromIni } from '@aws-sdk/credential-providers';\nexport const handler = async (fromIni) => fromIni();`, expect: [] },
  { name: 'type-only import is not a match', file: 'a.ts', code: `import type { fromIni } from '@aws-sdk/credential-providers';\ndeclare const f: typeof fromIni;\n${handler('  return f();')}`, expect: [] },
  { name: 'v2 client per request is not a finding', code: `import AWS from 'aws-sdk';\n${handler('  return new AWS.S3();')}`, expect: [] },
];

export const FREQUENCY_SHAPES: readonly Case[] = [
  { name: 'module scope', code: `import { fromIni } from '@aws-sdk/credential-providers';\nexport const credentials = fromIni();`, expect: [] },
  { name: 'top-level await', code: `import { fromIni } from '@aws-sdk/credential-providers';\nawait Promise.resolve();\nexport const credentials = fromIni();`, expect: [] },
  { name: 'module-scope IIFE', code: `import { fromIni } from '@aws-sdk/credential-providers';\nexport const credentials = (() => fromIni())();`, expect: [] },
  { name: 'main() called once', code: `import { S3Client } from '@aws-sdk/client-s3';\nfunction main() { return new S3Client({}); }\nmain();`, expect: [] },
  { name: 'Lambda handler', code: `import { S3Client } from '@aws-sdk/client-s3';\n${handler('  return new S3Client({});')}`, expect: ['no-per-request-client:clientDefaultChainInLambda@3'], context: 'Lambda handler' },
  { name: 'route callback', code: `import { fromIni } from '@aws-sdk/credential-providers';\nimport express from 'express';\nconst app = express();\napp.get('/', (req, res) => res.json(fromIni()));`, expect: ['no-per-request-credential-provider:providerPerInvocation@4'], context: 'route callback' },
  { name: 'loop at module scope', code: `import { fromIni } from '@aws-sdk/credential-providers';\nfor (const profile of ['a', 'b']) fromIni({ profile });`, expect: ['no-per-request-credential-provider:providerPerInvocation@2'], context: 'loop' },
  { name: 'timer', code: `import { fromIni } from '@aws-sdk/credential-providers';\nsetInterval(() => fromIni(), 1000);`, expect: ['no-per-request-credential-provider:providerPerInvocation@2'], context: 'timer' },
  { name: 'local factory called from a handler', code: `import { fromIni } from '@aws-sdk/credential-providers';\nfunction make() { return fromIni(); }\n${handler('  return make();')}`, expect: ['no-per-request-credential-provider:providerPerInvocation@2'], context: 'function called from a Lambda handler' },
  { name: 'class instantiated per route', code: `import { S3Client } from '@aws-sdk/client-s3';\nclass Store { constructor() { this.s3 = new S3Client({}); } }\napp.post('/', () => new Store());`, expect: ['no-per-request-client:clientDefaultChainPerInvocation@2'] },
  { name: 'class instantiated once', code: `import { S3Client } from '@aws-sdk/client-s3';\nclass Store { constructor() { this.s3 = new S3Client({}); } }\nexport const store = new Store();`, expect: [] },
  { name: 'NestJS singleton', file: 'a.ts', code: `import { S3Client } from '@aws-sdk/client-s3';\n@Injectable()\nexport class Store { s3 = new S3Client({}); }`, expect: [] },
  { name: 'React component vs useMemo', file: 'a.jsx', code: `import { fromCognitoIdentityPool } from '@aws-sdk/credential-providers';\nexport function A() { const c = fromCognitoIdentityPool({ identityPoolId: 'p' }); return <div />; }\nexport function B() { const c = useMemo(() => fromCognitoIdentityPool({ identityPoolId: 'p' }), []); return <div />; }`, expect: ['no-per-request-credential-provider:providerPerInvocation@2'], context: 'React component render' },
  { name: 'lazy initialisation', code: `import { fromIni } from '@aws-sdk/credential-providers';\nlet p;\nexport const get = () => (p ??= fromIni());\nlet q;\nexport function get2() { if (!q) q = fromIni(); return q; }`, expect: [] },
  { name: 'Map get-miss-set', code: `import { fromIni } from '@aws-sdk/credential-providers';\nconst cache = new Map();\nexport function get(profile) { let p = cache.get(profile); if (!p) { p = fromIni({ profile }); cache.set(profile, p); } return p; }`, expect: [] },
  { name: 'inside our runtime', code: `import { fromIni } from '@aws-sdk/credential-providers';\nimport { sharedCredentials } from 'eslint-plugin-aws-credentials/runtime';\n${handler('  return sharedCredentials({ p: event.p }, () => fromIni({ profile: event.p }));')}`, expect: [] },
  { name: 'frozen credentials', code: `import { fromIni } from '@aws-sdk/credential-providers';\nimport { S3Client } from '@aws-sdk/client-s3';\nexport const s3 = new S3Client({ credentials: await fromIni()() });`, expect: ['no-frozen-credentials:providerInvokedOnce@3'] },
  { name: 'module-scope uncached provider given to per-request clients', code: `import { fromContainerMetadata } from '@aws-sdk/credential-providers';\nimport { S3Client } from '@aws-sdk/client-s3';\nconst credentials = fromContainerMetadata();\n${handler('  return new S3Client({ credentials, region: event.region });')}`, expect: ['no-per-request-client:clientUncachedProviderPerInvocation@5'] },
  { name: 'module-scope self-caching provider given to per-request clients', code: `import { fromNodeProviderChain } from '@aws-sdk/credential-providers';\nimport { S3Client } from '@aws-sdk/client-s3';\nconst credentials = fromNodeProviderChain();\n${handler('  return new S3Client({ credentials, region: event.region });')}`, expect: [] },
  { name: 'AWS.config.credentials per request', code: `import AWS from 'aws-sdk';\n${handler('  AWS.config.credentials = new AWS.EC2MetadataCredentials();')}`, expect: ['no-frozen-credentials:globalCredentialsPerInvocation@3'] },
];

/** Shapes found in public code (test/corpus/public) that the analysis once got wrong. */
export const PUBLIC_REGRESSIONS: readonly Case[] = [
  { name: 'fromEnv per request costs nothing', code: `import { fromEnv } from '@aws-sdk/credential-providers';\nimport { S3Client } from '@aws-sdk/client-s3';\nconst s3 = new S3Client({});\n${handler('  return fromEnv();')}`, expect: [] },
  { name: 'v2 namespace assigned by require after its declaration', file: 'a.ts', code: `export async function handler(event: any) {\n  let AWS: any;\n  if (event.x) { AWS = require('aws-sdk'); } else { AWS = require('aws-sdk'); }\n  return new AWS.ChainableTemporaryCredentials({ params: { RoleArn: event.roleArn } });\n}`, expect: ['no-per-request-credential-provider:v2CredentialsPerInvocation@4'] },
];
