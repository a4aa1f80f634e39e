// Every way code reaches a catalog entry, and look-alikes that must not match. Each case is a file
// with the API used in a Lambda handler, so a match is a per-invocation finding.
import { describe, expect, it } from 'vitest';
import { lines, sitesOf } from './support.js';

interface BindingCase {
  readonly name: string;
  readonly file?: string;
  readonly code: string;
  /** `rule:messageId@line:column (context)` per site, in source order. */
  readonly expect: readonly string[];
}

const PROVIDER = 'no-per-request-credential-provider:providerPerInvocation';
const V2_CREDENTIALS = 'no-per-request-credential-provider:v2CredentialsPerInvocation';
const CLIENT = 'no-per-request-client:clientDefaultChainInLambda';
const STS = 'no-per-request-sts-call:credentialsCallPerInvocation';
const H = '(Lambda handler)';

const V3: readonly BindingCase[] = [
  { name: 'named import', code: lines("import { fromIni } from '@aws-sdk/credential-providers';", 'export const handler = async () => fromIni();'), expect: [`${PROVIDER}@2:36 ${H}`] },
  { name: 'renamed import', code: lines("import { fromIni as ini } from '@aws-sdk/credential-providers';", 'export const handler = async () => ini();'), expect: [`${PROVIDER}@2:36 ${H}`] },
  { name: 'namespace import', code: lines("import * as cp from '@aws-sdk/credential-providers';", 'export const handler = async () => cp.fromProcess();'), expect: [`${PROVIDER}@2:36 ${H}`] },
  { name: 'default import (interop) member', code: lines("import cp from '@aws-sdk/credential-providers';", 'export const handler = async () => cp.fromSSO();'), expect: [`${PROVIDER}@2:36 ${H}`] },
  { name: 'string-named import', code: lines("import { 'fromEnv' as env, 'fromHttp' as http } from '@aws-sdk/credential-providers';", 'export const handler = async () => [env(), http()];'), expect: [`${PROVIDER}@2:44 ${H}`] },
  { name: 'single-provider package: credential-provider-node defaultProvider', code: lines("import { defaultProvider } from '@aws-sdk/credential-provider-node';", 'export const handler = async () => defaultProvider();'), expect: [`${PROVIDER}@2:36 ${H}`] },
  { name: 'single-provider package: credential-provider-ini', code: lines("import { fromIni } from '@aws-sdk/credential-provider-ini';", 'export const handler = async () => fromIni();'), expect: [`${PROVIDER}@2:36 ${H}`] },
  { name: 'single-provider package: credential-provider-imds', code: lines("import { fromContainerMetadata, fromInstanceMetadata } from '@aws-sdk/credential-provider-imds';", 'export const handler = async () => [fromContainerMetadata(), fromInstanceMetadata()];'), expect: [`${PROVIDER}@2:37 ${H}`, `${PROVIDER}@2:62 ${H}`] },
  { name: 'single-provider package: @smithy/credential-provider-imds', code: lines("import { fromInstanceMetadata } from '@smithy/credential-provider-imds';", 'export const handler = async () => fromInstanceMetadata();'), expect: [`${PROVIDER}@2:36 ${H}`] },
  { name: 'single-provider package: credential-provider-web-identity', code: lines("import { fromTokenFile, fromWebToken } from '@aws-sdk/credential-provider-web-identity';", 'export const handler = async (e) => [fromTokenFile(), fromWebToken({ roleArn: e.r, webIdentityToken: e.t })];'), expect: [`${PROVIDER}@2:38 ${H}`, `${PROVIDER}@2:55 ${H}`] },
  { name: 'single-provider packages: process, sso, http', code: lines("import { fromProcess } from '@aws-sdk/credential-provider-process';", "import { fromSSO } from '@aws-sdk/credential-provider-sso';", "import { fromHttp } from '@aws-sdk/credential-provider-http';", 'export const handler = async () => [fromProcess(), fromSSO(), fromHttp()];'), expect: [`${PROVIDER}@4:37 ${H}`, `${PROVIDER}@4:52 ${H}`, `${PROVIDER}@4:63 ${H}`] },
  { name: 'Cognito providers', code: lines("import { fromCognitoIdentity, fromCognitoIdentityPool } from '@aws-sdk/credential-providers';", 'export const handler = async (e) => [fromCognitoIdentity({ identityId: e.id }), fromCognitoIdentityPool({ identityPoolId: e.pool })];'), expect: [`${PROVIDER}@2:38 ${H}`, `${PROVIDER}@2:81 ${H}`] },
  { name: 'createCredentialChain and fromNodeProviderChain (self-caching, but built per request)', code: lines("import { createCredentialChain, fromNodeProviderChain, fromEnv } from '@aws-sdk/credential-providers';", 'export const handler = async () => [createCredentialChain(fromEnv()), fromNodeProviderChain()];'), expect: [`${PROVIDER}@2:37 ${H}`, `${PROVIDER}@2:71 ${H}`] },
  { name: 'fromEnv alone costs nothing', code: lines("import { fromEnv } from '@aws-sdk/credential-providers';", 'export const handler = async () => fromEnv();'), expect: [] },
  { name: 'require with destructuring and renaming', file: 'a.cjs', code: lines("const { fromIni: ini } = require('@aws-sdk/credential-providers');", 'exports.handler = async () => ini();'), expect: [`${PROVIDER}@2:31 ${H}`] },
  { name: 'require with nested destructuring default', file: 'a.cjs', code: lines("const { fromIni = null } = require('@aws-sdk/credential-providers');", 'exports.handler = async () => fromIni();'), expect: [`${PROVIDER}@2:31 ${H}`] },
  { name: 'require member access', file: 'a.cjs', code: lines("const fromProcess = require('@aws-sdk/credential-providers').fromProcess;", 'module.exports.handler = async () => fromProcess();'), expect: [`${PROVIDER}@2:38 ${H}`] },
  { name: 'require called inline', file: 'a.cjs', code: lines("exports.handler = async () => require('@aws-sdk/credential-providers').fromIni();"), expect: [`${PROVIDER}@1:31 ${H}`] },
  { name: 'require namespace then member', file: 'a.js', code: lines("const cp = require('@aws-sdk/credential-providers');", 'module.exports = { handler: async () => cp.fromIni() };'), expect: [`${PROVIDER}@2:41 ${H}`] },
  { name: 'import x = require()', file: 'a.ts', code: lines("import cp = require('@aws-sdk/credential-providers');", 'export const handler = async () => cp.fromIni();'), expect: [`${PROVIDER}@2:36 ${H}`] },
  { name: 'await import() destructured', code: lines('export const handler = async () => {', "  const { fromSSO } = await import('@aws-sdk/credential-providers');", '  return fromSSO();', '};'), expect: [`${PROVIDER}@3:10 ${H}`] },
  { name: 'await import() member', code: lines('export const handler = async () => {', "  const cp = await import('@aws-sdk/credential-providers');", '  return (await import("@aws-sdk/credential-providers")).fromIni() || cp.fromProcess();', '};'), expect: [`${PROVIDER}@3:10 ${H}`, `${PROVIDER}@3:71 ${H}`] },
  { name: 'namespace aliased by destructuring', code: lines("import * as sdk from '@aws-sdk/client-sts';", 'const { STSClient } = sdk;', 'export const handler = async () => new STSClient({});'), expect: [`${CLIENT}@3:36 ${H}`] },
  { name: 'any *Client from @aws-sdk/client-*', code: lines("import { S3Client } from '@aws-sdk/client-s3';", "import * as ddb from '@aws-sdk/client-dynamodb';", 'export const handler = async () => [new S3Client({}), new ddb.DynamoDBClient()];'), expect: [`${CLIENT}@3:37 ${H}`, `${CLIENT}@3:55 ${H}`] },
  { name: 'rds-signer Signer', code: lines("import { Signer } from '@aws-sdk/rds-signer';", "export const handler = async () => new Signer({ hostname: 'db', port: 5432, username: 'app' }).getAuthToken();"), expect: [`${CLIENT}@2:36 ${H}`] },
  { name: 'lib-dynamodb: only the inner client counts', code: lines("import { DynamoDBClient } from '@aws-sdk/client-dynamodb';", "import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';", 'const shared = new DynamoDBClient({});', 'export const handler = async () => [DynamoDBDocumentClient.from(shared), DynamoDBDocumentClient.from(new DynamoDBClient({}))];'), expect: [`${CLIENT}@4:102 ${H}`] },
  { name: 'SignatureV4 without credentials is not a client with a default chain', code: lines("import { SignatureV4 } from '@smithy/signature-v4';", "export const handler = async () => new SignatureV4({ service: 'es' });"), expect: [] },
  { name: 'STS command (v3)', code: lines("import { STSClient, AssumeRoleCommand } from '@aws-sdk/client-sts';", 'const sts = new STSClient({});', 'export const handler = async (e) => sts.send(new AssumeRoleCommand({ RoleArn: e.role, RoleSessionName: "s" }));'), expect: [`${STS}@3:46 ${H}`] },
  { name: 'STS and friends as credential sources', code: lines("import * as sts from '@aws-sdk/client-sts';", "import { GetRoleCredentialsCommand } from '@aws-sdk/client-sso';", "import { GetCredentialsForIdentityCommand } from '@aws-sdk/client-cognito-identity';", 'export const handler = async () => [new sts.AssumeRoleWithWebIdentityCommand({}), new sts.AssumeRoleWithSAMLCommand({}), new sts.GetSessionTokenCommand({}), new sts.GetFederationTokenCommand({}), new GetRoleCredentialsCommand({}), new GetCredentialsForIdentityCommand({})];'), expect: [`${STS}@4:37 ${H}`, `${STS}@4:83 ${H}`, `${STS}@4:122 ${H}`, `${STS}@4:158 ${H}`, `${STS}@4:197 ${H}`, `${STS}@4:232 ${H}`] },
  { name: 'v3 aggregated STS class method', code: lines("import { STS } from '@aws-sdk/client-sts';", 'const sts = new STS({});', 'export const handler = async (e) => sts.assumeRole({ RoleArn: e.role, RoleSessionName: "s" });'), expect: [`${STS}@3:37 ${H}`] },
  { name: 'MSK signer, namespace import', code: lines("import * as signer from 'aws-msk-iam-sasl-signer-js';", "export const handler = async () => signer.generateAuthTokenFromProfile({ region: 'us-east-1', awsProfileName: 'p' });"), expect: [`no-per-request-credential-provider:mskTokenPerInvocation@2:36 ${H}`] },
];

const V2: readonly BindingCase[] = [
  { name: 'import AWS from aws-sdk', code: lines("import AWS from 'aws-sdk';", 'export const handler = async () => new AWS.ECSCredentials();'), expect: [`${V2_CREDENTIALS}@2:36 ${H}`] },
  { name: 'require aws-sdk', file: 'a.js', code: lines("const AWS = require('aws-sdk');", 'exports.handler = async () => new AWS.SharedIniFileCredentials({ profile: "p" });'), expect: [`${V2_CREDENTIALS}@2:31 ${H}`] },
  { name: 'aws-sdk/global', file: 'a.js', code: lines("const AWS = require('aws-sdk/global');", 'exports.handler = async () => new AWS.EC2MetadataCredentials();'), expect: [`${V2_CREDENTIALS}@2:31 ${H}`] },
  { name: 'named v2 classes', code: lines("import { TemporaryCredentials, ChainableTemporaryCredentials, RemoteCredentials, ProcessCredentials, WebIdentityCredentials, TokenFileWebIdentityCredentials, CognitoIdentityCredentials, SAMLCredentials, CredentialProviderChain } from 'aws-sdk';", 'export const handler = async () => [new TemporaryCredentials(), new ChainableTemporaryCredentials(), new RemoteCredentials(), new ProcessCredentials(), new WebIdentityCredentials(), new TokenFileWebIdentityCredentials(), new CognitoIdentityCredentials(), new SAMLCredentials(), new CredentialProviderChain()];'), expect: [37, 65, 102, 127, 153, 183, 222, 256, 279].map((column) => `${V2_CREDENTIALS}@2:${column} ${H}`) },
  { name: 'import = require aws-sdk', file: 'a.ts', code: lines("import AWS = require('aws-sdk');", 'export const handler = async () => new AWS.ECSCredentials();'), expect: [`${V2_CREDENTIALS}@2:36 ${H}`] },
  { name: 'new AWS.STS().assumeRole()', code: lines("import AWS from 'aws-sdk';", "export const handler = async () => new AWS.STS().assumeRole({ RoleArn: 'r', RoleSessionName: 's' }).promise();"), expect: [`${STS}@2:36 ${H}`] },
  { name: 'aws-sdk/clients/sts default import', code: lines("import STS from 'aws-sdk/clients/sts';", 'const sts = new STS();', "export const handler = async () => sts.assumeRoleWithWebIdentity({ RoleArn: 'r' }).promise();"), expect: [`${STS}@3:36 ${H}`] },
  { name: 'v2 service without credentials is not a finding', code: lines("import AWS from 'aws-sdk';", "import S3 from 'aws-sdk/clients/s3';", 'export const handler = async () => [new AWS.S3(), new S3(), new AWS.S3.ManagedUpload({})];'), expect: [] },
  { name: 'AWS.config.credentials = new ...', file: 'a.js', code: lines("const AWS = require('aws-sdk');", 'exports.handler = async (e) => { AWS.config.credentials = new AWS.ChainableTemporaryCredentials({ params: { RoleArn: e.role } }); };'), expect: [`no-frozen-credentials:globalCredentialsPerInvocation@2:34 ${H}`] },
];

const NOT_MATCHES: readonly BindingCase[] = [
  { name: 'a local function named like an export', code: lines("import '@aws-sdk/client-s3';", 'function fromIni() { return 1; }', 'export const handler = async () => fromIni();'), expect: [] },
  { name: 'a parameter shadowing the import', code: lines("import { fromIni } from '@aws-sdk/credential-providers';", 'export const handler = async (fromIni) => fromIni();'), expect: [] },
  { name: 'a block-scoped shadow', code: lines("import { S3Client } from '@aws-sdk/client-s3';", 'export const handler = async () => { class S3Client {} return new S3Client(); };'), expect: [] },
  { name: 'type-only import', file: 'a.ts', code: lines("import type { S3Client } from '@aws-sdk/client-s3';", 'declare const C: typeof S3Client;', 'export const handler = async () => new C({});'), expect: [] },
  { name: 'type-only specifier', file: 'a.ts', code: lines("import { type fromIni, fromEnv } from '@aws-sdk/credential-providers';", 'declare const f: typeof fromIni;', 'export const handler = async () => [f(), fromEnv()];'), expect: [] },
  { name: 'a shadowed require', file: 'a.cjs', code: lines('function require(name) { return { fromIni: () => name }; }', "exports.handler = async () => require('@aws-sdk/credential-providers').fromIni();"), expect: [] },
  { name: 'another package with the same export names', code: lines("import { fromIni } from 'my-aws-helpers';", "import '@aws-sdk/client-s3';", 'export const handler = async () => fromIni();'), expect: [] },
  { name: 'not a Client export of a client package', code: lines("import { S3ServiceException, paginateListObjectsV2 } from '@aws-sdk/client-s3';", 'export const handler = async () => [new S3ServiceException({}), paginateListObjectsV2()];'), expect: [] },
  { name: 'a file that mentions no AWS module (fast path)', code: lines('function fromIni() {}', 'export const handler = async () => fromIni();'), expect: [] },
];

describe.each([
  ['SDK v3', V3],
  ['SDK v2', V2],
  ['look-alikes', NOT_MATCHES],
] as const)('bindings: %s', (_group, cases) => {
  it.each(cases.map((c) => [c.name, c] as const))('%s', (_name, c) => {
    expect(sitesOf(c.code, c.file ?? 'a.mjs')).toEqual(c.expect);
  });
});
