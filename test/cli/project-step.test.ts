// The ts-morph project step on hand-written per-file outputs: identical hoisted providers in
// several files become one export of the shared module, imported under each file's old name.
import { symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { shareProviders } from '../../src/rewrite/project-step/share-providers.js';
import { newTypeErrors } from '../../src/rewrite/project-step/typecheck.js';
import { tempDir, writeTree } from './helpers.js';

const RUNTIME = 'eslint-plugin-aws-credentials/runtime';

/** What the per-file rewrite reports it declared (the planner's `TextEdit.declares`). */
const declared = (...names: string[]) => names.map(name => ({ name, value: `cacheCredentials(…)` }));

const before = (role: string) => `import { fromTemporaryCredentials } from '@aws-sdk/credential-providers';
export const handler = async () => fromTemporaryCredentials({ params: { RoleArn: '${role}' } });
`;

const a = `import { cacheCredentials } from 'eslint-plugin-aws-credentials/runtime';
import { S3Client } from '@aws-sdk/client-s3';
import { fromTemporaryCredentials } from '@aws-sdk/credential-providers';

// Created once per process, refreshed before it expires.
const credentials = cacheCredentials(fromTemporaryCredentials({ params: { RoleArn: 'arn:aws:iam::1:role/r' } }));

export const handler = async () => new S3Client({ credentials });
`;

const b = `import { cacheCredentials } from "eslint-plugin-aws-credentials/runtime"
import { fromTemporaryCredentials as assume, fromIni } from "@aws-sdk/credential-providers"
import { S3Client } from "@aws-sdk/client-s3"

const reportsCredentials = cacheCredentials(assume({
  params: { RoleArn: "arn:aws:iam::1:role/r", },
}))

export const other = fromIni
export const handler = async () => new S3Client({ credentials: reportsCredentials })
`;

const c = `import { cacheCredentials } from 'eslint-plugin-aws-credentials/runtime';
import { fromTemporaryCredentials } from '@aws-sdk/credential-providers';

const credentials = cacheCredentials(fromTemporaryCredentials({ params: { RoleArn: 'arn:aws:iam::2:role/other' } }));

export const handler = async () => credentials();
`;

describe('shareProviders', () => {
  it('merges identical providers (quotes, whitespace, renamed imports) into one TypeScript module', () => {
    const root = tempDir();
    writeTree(root, {
      'tsconfig.json': JSON.stringify({ compilerOptions: { module: 'NodeNext', strict: false, skipLibCheck: true, types: [] } }),
      'package.json': '{ "type": "module" }',
    });
    symlinkSync(join(__dirname, '..', '..', 'node_modules'), join(root, 'node_modules'));
    const files = new Map([
      [join(root, 'src/a.ts'), { before: before('arn:aws:iam::1:role/r'), after: a, declarations: declared('credentials') }],
      [join(root, 'src/nested/b.ts'), { before: before('arn:aws:iam::1:role/r'), after: b, declarations: declared('reportsCredentials') }],
      [join(root, 'src/c.ts'), { before: before('arn:aws:iam::2:role/other'), after: c, declarations: declared('credentials') }],
    ]);
    writeTree(root, Object.fromEntries([...files].map(([file, { after }]) => [file.slice(root.length + 1), after])));
    const result = shareProviders({ files, sharedModule: join(root, 'src/aws-credentials.shared.ts'), runtimeModuleFor: () => RUNTIME });
    expect(result.typeErrors).toEqual([]);
    expect(result.module?.after).toBe(`// Shared AWS credential providers, created once per process, written by \`aws-credentials fix\`.
// Each export is one auto-refreshing credential cache that every importing file shares.

import { fromTemporaryCredentials } from '@aws-sdk/credential-providers';
import { cacheCredentials } from 'eslint-plugin-aws-credentials/runtime';

// Created once per process, refreshed before it expires.
export const credentials = cacheCredentials(fromTemporaryCredentials({ params: { RoleArn: 'arn:aws:iam::1:role/r' } }));
`);
    expect(result.files.get(join(root, 'src/a.ts'))).toBe(`import { S3Client } from '@aws-sdk/client-s3';
import { credentials } from './aws-credentials.shared.js';

export const handler = async () => new S3Client({ credentials });
`);
    expect(result.files.get(join(root, 'src/nested/b.ts'))).toBe(`import { fromIni } from "@aws-sdk/credential-providers"
import { S3Client } from "@aws-sdk/client-s3"
import { credentials as reportsCredentials } from "../aws-credentials.shared.js"

export const other = fromIni
export const handler = async () => new S3Client({ credentials: reportsCredentials })
`);
    expect(result.files.has(join(root, 'src/c.ts'))).toBe(false);
    expect(result.exports).toEqual({ credentials: [join(root, 'src/a.ts'), join(root, 'src/nested/b.ts')] });
  });

  it('extends an existing shared module on a later run and links to its exports', () => {
    const root = tempDir();
    writeTree(root, { 'package.json': '{ "type": "module" }' });
    const shared = join(root, 'src/aws-credentials.shared.ts');
    const first = shareProviders({
      files: new Map([
        [join(root, 'src/a.ts'), { before: '', after: a, declarations: declared('credentials') }],
        [join(root, 'src/b.ts'), { before: '', after: a, declarations: declared('credentials') }],
      ]),
      sharedModule: shared,
      runtimeModuleFor: () => RUNTIME,
    });
    writeTree(root, { 'src/aws-credentials.shared.ts': first.module!.after });
    const second = shareProviders({ files: new Map([[join(root, 'src/d.ts'), { before: '', after: a, declarations: declared('credentials') }]]), sharedModule: shared, runtimeModuleFor: () => RUNTIME });
    expect(second.module?.after).toBe(first.module!.after);
    expect(second.files.get(join(root, 'src/d.ts'))).toContain("import { credentials } from './aws-credentials.shared';");
  });

  it('uses require and exports in a CommonJS project', () => {
    const root = tempDir();
    writeTree(root, { 'package.json': '{ "name": "app" }' });
    const cjs = `'use strict';
const { cacheCredentials } = require('eslint-plugin-aws-credentials/runtime');
const { fromIni } = require('@aws-sdk/credential-providers');

const credentials = cacheCredentials(fromIni({ profile: 'jobs' }));

exports.run = async () => credentials();
`;
    const result = shareProviders({
      files: new Map([
        [join(root, 'lib/a.js'), { before: '', after: cjs, declarations: declared('credentials') }],
        [join(root, 'lib/b.js'), { before: '', after: cjs, declarations: declared('credentials') }],
      ]),
      sharedModule: join(root, 'lib/aws-credentials.shared.js'),
      runtimeModuleFor: () => RUNTIME,
    });
    expect(result.files.get(join(root, 'lib/a.js'))).toBe(`'use strict';
const { credentials } = require('./aws-credentials.shared.js');

exports.run = async () => credentials();
`);
    expect(result.module?.after).toContain("const { fromIni } = require('@aws-sdk/credential-providers');\nconst { cacheCredentials } = require('eslint-plugin-aws-credentials/runtime');");
    expect(result.module?.after).toContain("const credentials = cacheCredentials(fromIni({ profile: 'jobs' }));\nexports.credentials = credentials;");
  });

  it('imports the shared provider after the last import, quoted like most of the imports', () => {
    const root = tempDir();
    writeTree(root, { 'package.json': '{ "type": "module" }' });
    const esm = `import { fromIni } from '@aws-sdk/credential-providers';
import { cacheCredentials } from "eslint-plugin-aws-credentials/runtime";
import { config } from "dotenv";

config();

import { S3Client } from "@aws-sdk/client-s3";

const credentials = cacheCredentials(fromIni({ profile: 'jobs' }));

export const handler = async () => new S3Client({ credentials });
`;
    const result = shareProviders({
      files: new Map([
        [join(root, 'src/a.js'), { before: '', after: esm, declarations: declared('credentials') }],
        [join(root, 'src/b.js'), { before: '', after: esm, declarations: declared('credentials') }],
      ]),
      sharedModule: join(root, 'src/aws-credentials.shared.js'),
      runtimeModuleFor: () => RUNTIME,
    });
    expect(result.files.get(join(root, 'src/a.js'))).toBe(`import { config } from "dotenv";

config();

import { S3Client } from "@aws-sdk/client-s3";
import { credentials } from "./aws-credentials.shared.js";

export const handler = async () => new S3Client({ credentials });
`);
  });

  it('shares only what the rewrite declared: a provider the file already had stays where it is', () => {
    const root = tempDir();
    writeTree(root, { 'package.json': '{ "type": "module" }' });
    const result = shareProviders({
      files: new Map([
        [join(root, 'src/a.ts'), { before: a, after: a, declarations: [] }],
        [join(root, 'src/b.ts'), { before: '', after: a, declarations: declared('credentials') }],
      ]),
      sharedModule: join(root, 'src/aws-credentials.shared.ts'),
      runtimeModuleFor: () => RUNTIME,
    });
    expect(result.module).toBeUndefined();
    expect(result.files.size).toBe(0);
  });
});

describe('newTypeErrors', () => {
  it('reports errors the rewrite adds, not ones already there or an import installed later', () => {
    const root = tempDir();
    writeTree(root, { 'tsconfig.json': JSON.stringify({ compilerOptions: { module: 'NodeNext', strict: true, types: [] } }), 'package.json': '{ "type": "module" }' });
    const file = join(root, 'a.ts');
    const before = new Map([[file, "export const a: number = 'old error';\n"]]);
    const after = new Map([[file, "import { cacheCredentials } from 'eslint-plugin-aws-credentials/runtime';\nexport const a: number = 'old error';\nexport const b: string = 1;\nexport const c = cacheCredentials;\n"]]);
    const problems = newTypeErrors(join(root, 'tsconfig.json'), before, after, ['eslint-plugin-aws-credentials/runtime']);
    expect(problems).toEqual([{ file, line: 3, column: 14, message: "TS2322: Type 'number' is not assignable to type 'string'." }]);
  });
});
