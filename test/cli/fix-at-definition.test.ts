// A cross-file finding is fixed where the factory builds what it reports: the factory keeps a
// shared instance (hoisted, or keyed by its inputs), its callers stay as they are, and a second
// run, and scan, find nothing left.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { git, gitRepo } from './helpers.js';
import { cli } from './run-cli.js';

const FACTORIES = `import { S3Client } from '@aws-sdk/client-s3';
import { fromTemporaryCredentials } from '@aws-sdk/credential-providers';

export function getClient() {
  return new S3Client({ region: 'us-east-1' });
}

// One provider per role the caller names.
export function credentialsFor(roleArn) {
  return fromTemporaryCredentials({ params: { RoleArn: roleArn } });
}

export function startupClient() {
  return new S3Client({ region: 'eu-west-1' });
}

export function regionalClient(europe) {
  if (europe) return new S3Client({ region: 'eu-central-1' });
  return new S3Client({ region: 'us-west-2' });
}
`;

const SERVER = `import express from 'express';
import { credentialsFor, getClient, regionalClient, startupClient } from './factories.js';

const app = express();
const boot = startupClient();
app.get('/a', async (req, res) => {
  res.json(await getClient().send({}));
});
app.get('/b', async (req, res) => {
  res.json(await credentialsFor(req.query.role)());
});
app.get('/c', async (req, res) => {
  res.json(await regionalClient(req.query.eu).send({}));
});
app.listen(3000, () => boot);
`;

const FIXED = `import { S3Client } from '@aws-sdk/client-s3';
import { fromTemporaryCredentials } from '@aws-sdk/credential-providers';
import { sharedCredentials } from 'eslint-plugin-aws-credentials/runtime';

const s3Client = new S3Client({ region: 'us-east-1' });

const s3ClientEuCentral1 = new S3Client({ region: 'eu-central-1' });

const s3ClientUsWest2 = new S3Client({ region: 'us-west-2' });

export function getClient() {
  return s3Client;
}

// One provider per role the caller names.
export function credentialsFor(roleArn) {
  return sharedCredentials({ source: 'fromTemporaryCredentials', RoleArn: roleArn }, () => fromTemporaryCredentials({ params: { RoleArn: roleArn } }));
}

export function startupClient() {
  return new S3Client({ region: 'eu-west-1' });
}

export function regionalClient(europe) {
  if (europe) return s3ClientEuCentral1;
  return s3ClientUsWest2;
}
`;

const manifest = `${JSON.stringify({ name: 'app', private: true, type: 'module', dependencies: { '@aws-sdk/client-s3': '^3.0.0', '@aws-sdk/credential-providers': '^3.0.0', 'eslint-plugin-aws-credentials': '^0.1.0' } }, null, 2)}\n`;

describe('fix at the definition of a factory other modules call per request (every creation of it, in one run)', () => {
  it('rewrites the factory, not its callers, leaves the factory only start-up code calls, and is done in one run', async () => {
    const root = gitRepo({ 'package.json': manifest, 'src/factories.js': FACTORIES, 'src/server.js': SERVER });
    const scan = await cli(root, 'scan', '--json');
    expect(JSON.parse(scan.stdout).findings.map((finding: { file: string; line: number }) => `${finding.file}:${finding.line}`)).toEqual(['src/server.js:7', 'src/server.js:10', 'src/server.js:13']);

    const first = await cli(root, 'fix', '--json');
    expect(first.code).toBe(0);
    const summary = JSON.parse(first.stdout);
    expect(summary.filesRewritten).toEqual(['src/factories.js']);
    expect(summary.sitesRewritten).toBe(4);
    expect(summary.manual).toEqual([]);
    expect(readFileSync(join(root, 'src/factories.js'), 'utf8')).toBe(FIXED);
    expect(readFileSync(join(root, 'src/server.js'), 'utf8')).toBe(SERVER);

    git(root, 'add', '-A');
    git(root, 'commit', '-qm', 'fix');
    const second = await cli(root, 'fix', '--json');
    expect(JSON.parse(second.stdout).sitesRewritten).toBe(0);
    expect(git(root, 'status', '--porcelain')).toBe('');
    expect(JSON.parse((await cli(root, 'scan', '--json')).stdout).findings).toEqual([]);
  });
});

const NESTED = `import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { CognitoIdentityClient } from '@aws-sdk/client-cognito-identity';
import { fromCognitoIdentityPool } from '@aws-sdk/credential-providers';

export const tableFor = (token) =>
  new DynamoDBClient({
    region: 'us-east-1',
    credentials: fromCognitoIdentityPool({ identityPoolId: 'pool', logins: { idp: token }, client: new CognitoIdentityClient({ region: 'us-east-1' }) }),
  });
`;

const NESTED_FIXED = `import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { CognitoIdentityClient } from '@aws-sdk/client-cognito-identity';
import { fromCognitoIdentityPool } from '@aws-sdk/credential-providers';
import { sharedCredentials } from 'eslint-plugin-aws-credentials/runtime';

const cognitoIdentityClient = new CognitoIdentityClient({ region: 'us-east-1' });

export const tableFor = (token) =>
  new DynamoDBClient({
    region: 'us-east-1',
    credentials: sharedCredentials({ source: 'fromCognitoIdentityPool', identityPoolId: 'pool', logins: { idp: token }, client: cognitoIdentityClient }, () => fromCognitoIdentityPool({ identityPoolId: 'pool', logins: { idp: token }, client: cognitoIdentityClient })),
  });
`;

const NESTED_ROUTE = `import express from 'express';
import { tableFor } from './table.js';

express().get('/items', async (req, res) => {
  res.json(await tableFor(req.headers.authorization).send({}));
});
`;

describe('fix at the definition, a creation nested in another', () => {
  it('rewrites the inner client and the provider around it in one run', async () => {
    const root = gitRepo({ 'package.json': manifest, 'src/table.js': NESTED, 'src/route.js': NESTED_ROUTE });
    const first = await cli(root, 'fix', '--json');
    expect(first.code).toBe(0);
    expect(JSON.parse(first.stdout).manual).toEqual([]);
    expect(readFileSync(join(root, 'src/table.js'), 'utf8')).toBe(NESTED_FIXED);
    git(root, 'add', '-A');
    git(root, 'commit', '-qm', 'fix');
    expect(JSON.parse((await cli(root, 'fix', '--json')).stdout).sitesRewritten).toBe(0);
    expect(git(root, 'status', '--porcelain')).toBe('');
  });
});
