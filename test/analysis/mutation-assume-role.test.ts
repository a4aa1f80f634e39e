// The AssumeRole rewrite (fix-plan/assume-role.ts) beyond the one hoist case of fix-cases.ts: the
// keyed plan for varying input, a response kept whole, shorthand and TokenCode inputs, CommonJS, the
// calling client's config, and each shape that must stay manual.
import { describe, expect, it } from 'vitest';
import { analyzeSource } from '../../src/analysis/index.js';
import { fixAll, lines } from './support.js';

const STS = "import { STSClient, AssumeRoleCommand } from '@aws-sdk/client-sts';";
const S3 = "import { S3Client } from '@aws-sdk/client-s3';";
const CP = "import { fromIni } from '@aws-sdk/credential-providers';";
const CREDS = (v: string) => `{ accessKeyId: ${v}.AccessKeyId, secretAccessKey: ${v}.SecretAccessKey }`;

const kindsOf = (code: string, file = 'a.mjs', availableModules?: string[]) =>
  analyzeSource(code, file, availableModules ? { availableModules } : undefined)
    .sites.filter((site) => site.rule === 'no-per-request-sts-call')
    .map((site) => site.fix.kind);

describe('AssumeRole rewrites', () => {
  it('varying input: one sharedCredentials entry per input, with the calling client\'s config', () => {
    const code = lines(
      STS,
      S3,
      CP,
      "const sts = new STSClient({ region: 'eu-west-1' });",
      'export const handler = async (event) => {',
      "  const { Credentials } = await sts.send(new AssumeRoleCommand({ RoleArn: event.roleArn, RoleSessionName: 'handler' }));",
      '  const s3 = new S3Client({ credentials: { accessKeyId: Credentials.AccessKeyId, secretAccessKey: Credentials.SecretAccessKey, sessionToken: Credentials.SessionToken } });',
      '  return s3;',
      '};',
    );
    expect(kindsOf(code)).toEqual(['keyed']);
    expect(analyzeSource(code, 'a.mjs').sites[0]?.fix).toMatchObject({
      description: "sharedCredentials({ source: 'AssumeRole', RoleArn: event.roleArn, RoleSessionName: 'handler', client: { region: 'eu-west-1' } }, () => fromTemporaryCredentials(…)) replaces the AssumeRole call",
      keyInputs: ['event.roleArn'],
    });
    expect(fixAll(code)).toBe(
      lines(
        "import { STSClient } from '@aws-sdk/client-sts';",
        S3,
        "import { fromIni, fromTemporaryCredentials } from '@aws-sdk/credential-providers';",
        "import { sharedCredentials } from 'eslint-plugin-aws-credentials/runtime';",
        "const sts = new STSClient({ region: 'eu-west-1' });",
        'export const handler = async (event) => {',
        "  const assumedRoleCredentials = sharedCredentials({ source: 'AssumeRole', RoleArn: event.roleArn, RoleSessionName: 'handler', client: { region: 'eu-west-1' } }, () => fromTemporaryCredentials({ params: { RoleArn: event.roleArn, RoleSessionName: 'handler' }, clientConfig: { region: 'eu-west-1' } }));",
        '  const s3 = new S3Client({ credentials: assumedRoleCredentials });',
        '  return s3;',
        '};',
      ),
    );
  });

  it('a response kept whole and read only for its Credentials: hoisted', () => {
    const code = lines(
      STS,
      S3,
      CP,
      'const sts = new STSClient({});',
      'export const handler = async (event) => {',
      "  const response = await sts.send(new AssumeRoleCommand({ RoleArn: 'arn:aws:iam::1:role/r', RoleSessionName: 's' }));",
      `  return new S3Client({ credentials: ${CREDS('response.Credentials')} });`,
      '};',
    );
    expect(fixAll(code)).toBe(
      lines(
        "import { STSClient } from '@aws-sdk/client-sts';",
        S3,
        "import { fromIni, fromTemporaryCredentials } from '@aws-sdk/credential-providers';",
        "import { cacheCredentials } from 'eslint-plugin-aws-credentials/runtime';",
        'const sts = new STSClient({});',
        "const assumedRoleCredentials = cacheCredentials(fromTemporaryCredentials({ params: { RoleArn: 'arn:aws:iam::1:role/r', RoleSessionName: 's' } }));",
        '',
        'export const handler = async (event) => {',
        '  return new S3Client({ credentials: assumedRoleCredentials });',
        '};',
      ),
    );
  });

  it('shorthand inputs and TokenCode: the code is asked for on each refresh and is no part of the key', () => {
    const code = lines(
      STS,
      S3,
      CP,
      'const sts = new STSClient({});',
      'export const handler = async (event) => {',
      '  const RoleArn = event.role;',
      "  const { Credentials } = await sts.send(new AssumeRoleCommand({ RoleArn, SerialNumber: 'mfa', TokenCode: event.code }));",
      `  return new S3Client({ credentials: ${CREDS('Credentials')} });`,
      '};',
    );
    expect(fixAll(code)).toContain(
      "  const assumedRoleCredentials = sharedCredentials({ source: 'AssumeRole', RoleArn, SerialNumber: 'mfa' }, () => fromTemporaryCredentials({ params: { RoleArn, SerialNumber: 'mfa' }, mfaCodeProvider: async () => event.code }));\n",
    );
  });

  it('CommonJS: requires instead of imports, no semicolon lost', () => {
    const code = lines(
      "const { STSClient, AssumeRoleCommand } = require('@aws-sdk/client-sts');",
      "const { S3Client } = require('@aws-sdk/client-s3');",
      "const { fromIni } = require('@aws-sdk/credential-providers');",
      'const sts = new STSClient({});',
      'exports.handler = async (event) => {',
      "  const { Credentials } = await sts.send(new AssumeRoleCommand({ RoleArn: event.r, RoleSessionName: 's' }));",
      `  return new S3Client({ credentials: ${CREDS('Credentials')} });`,
      '};',
    );
    const output = fixAll(code, 'a.cjs');
    expect(output).toContain("const { fromIni, fromTemporaryCredentials } = require('@aws-sdk/credential-providers');\nconst { sharedCredentials } = require('eslint-plugin-aws-credentials/runtime');\n");
    expect(output).toContain(
      "  const assumedRoleCredentials = sharedCredentials({ source: 'AssumeRole', RoleArn: event.r, RoleSessionName: 's' }, () => fromTemporaryCredentials({ params: { RoleArn: event.r, RoleSessionName: 's' } }));\n  return new S3Client({ credentials: assumedRoleCredentials });\n",
    );
  });

  it('a multi-line varying input is keyed on one line', () => {
    const code = lines(
      STS,
      S3,
      CP,
      'const sts = new STSClient({});',
      'export const handler = async (event) => {',
      '  const { Credentials } = await sts.send(new AssumeRoleCommand({',
      '    RoleArn: event.r,',
      "    RoleSessionName: 's',",
      '  }));',
      `  return new S3Client({ credentials: ${CREDS('Credentials')} });`,
      '};',
    );
    expect(analyzeSource(code, 'a.mjs').sites[0]?.fix).toMatchObject({
      kind: 'keyed',
      description: "sharedCredentials({ source: 'AssumeRole', RoleArn: event.r, RoleSessionName: 's' }, () => fromTemporaryCredentials(…)) replaces the AssumeRole call",
    });
  });

  it('quoted parameter names are kept as written; a computed one leaves the site manual', () => {
    const body = (input: string) =>
      lines(STS, S3, CP, 'const sts = new STSClient({});', 'export const handler = async (event) => {', `  const { Credentials } = await sts.send(new AssumeRoleCommand(${input}));`, `  return new S3Client({ credentials: ${CREDS('Credentials')} });`, '};');
    expect(fixAll(body("{ RoleArn: 'arn:aws:iam::1:role/r', 'RoleSessionName': 's' }"))).toContain(
      "const assumedRoleCredentials = cacheCredentials(fromTemporaryCredentials({ params: { RoleArn: 'arn:aws:iam::1:role/r', 'RoleSessionName': 's' } }));",
    );
    expect(kindsOf(body("{ RoleArn: 'arn:aws:iam::1:role/r', ['RoleSessionName']: 's' }"))).toEqual(['manual']);
    expect(fixAll(body("{ RoleArn: 'arn:aws:iam::1:role/r', SerialNumber: 'mfa', TokenCode: '123456' }"))).toContain(
      "cacheCredentials(fromTemporaryCredentials({ params: { RoleArn: 'arn:aws:iam::1:role/r', SerialNumber: 'mfa' }, mfaCodeProvider: async () => '123456' }))",
    );
  });

  it('TypeScript wrappers around the Credentials reads (`!`, `as`, `?.`) are followed', () => {
    const code = lines(
      STS,
      S3,
      CP,
      'const sts = new STSClient({});',
      'export const handler = async (event: { r: string }) => {',
      "  const { Credentials } = await sts.send(new AssumeRoleCommand({ RoleArn: event.r, RoleSessionName: 's' }));",
      '  return new S3Client({ credentials: { accessKeyId: (Credentials as { AccessKeyId: string }).AccessKeyId as string, secretAccessKey: Credentials?.SecretAccessKey!, sessionToken: Credentials!.SessionToken, expiration: Credentials!.Expiration } });',
      '};',
    );
    expect(kindsOf(code, 'a.ts')).toEqual(['keyed']);
    expect(fixAll(code, 'a.ts')).toContain('  return new S3Client({ credentials: assumedRoleCredentials });\n');
  });

  it('needs @aws-sdk/credential-providers: imported already, or among the project\'s dependencies', () => {
    const code = lines(STS, S3, 'const sts = new STSClient({});', 'export const handler = async (event) => {', "  const { Credentials } = await sts.send(new AssumeRoleCommand({ RoleArn: event.r, RoleSessionName: 's' }));", `  return new S3Client({ credentials: ${CREDS('Credentials')} });`, '};');
    expect(kindsOf(code)).toEqual(['manual']);
    expect(kindsOf(code, 'a.mjs', ['@aws-sdk/credential-providers'])).toEqual(['keyed']);
  });
});

describe('AssumeRole shapes left manual', () => {
  const handler = (...body: string[]) => lines(STS, S3, CP, 'const sts = new STSClient({});', 'export const handler = async (event) => {', ...body.map((line) => `  ${line}`), '};');
  const assume = "sts.send(new AssumeRoleCommand({ RoleArn: event.r, RoleSessionName: 's' }))";
  it.each([
    ['the response is used for more than its Credentials', [`const response = await ${assume};`, 'console.log(response.AssumedRoleUser);', `return new S3Client({ credentials: ${CREDS('response.Credentials')} });`]],
    ['destructured into more than Credentials', [`const { Credentials, AssumedRoleUser } = await ${assume};`, `return new S3Client({ credentials: ${CREDS('Credentials')} });`]],
    ['Credentials renamed into a pattern', [`const { Credentials: { AccessKeyId } } = await ${assume};`, 'return AccessKeyId;']],
    ['not awaited', [`const pending = ${assume};`, 'return pending;']],
    ['not stored', [`await ${assume};`]],
    ['two declarators', [`const a = 1, { Credentials } = await ${assume};`, `return new S3Client({ credentials: ${CREDS('Credentials')} });`]],
    ['the command stored first', ["const command = new AssumeRoleCommand({ RoleArn: event.r, RoleSessionName: 's' });", 'const { Credentials } = await sts.send(command);', `return new S3Client({ credentials: ${CREDS('Credentials')} });`]],
    ['send with a second argument', ["const { Credentials } = await sts.send(new AssumeRoleCommand({ RoleArn: event.r, RoleSessionName: 's' }), {});", `return new S3Client({ credentials: ${CREDS('Credentials')} });`]],
    ['an input that is not an object literal', ['const { Credentials } = await sts.send(new AssumeRoleCommand(event.input));', `return new S3Client({ credentials: ${CREDS('Credentials')} });`]],
    ['Credentials passed on whole', [`const { Credentials } = await ${assume};`, 'return useCredentials(Credentials);']],
    ['Credentials never used', [`const { Credentials } = await ${assume};`, 'return 1;']],
    ['a credentials object with another field', [`const { Credentials } = await ${assume};`, "return new S3Client({ credentials: { accessKeyId: Credentials.AccessKeyId, secretAccessKey: Credentials.SecretAccessKey, region: 'x' } });"]],
    ['a credentials object without the secret key', [`const { Credentials } = await ${assume};`, 'return new S3Client({ credentials: { accessKeyId: Credentials.AccessKeyId } });']],
    ['fields crossed over', [`const { Credentials } = await ${assume};`, 'return new S3Client({ credentials: { accessKeyId: Credentials.SecretAccessKey, secretAccessKey: Credentials.AccessKeyId } });']],
    ['an unknown parameter', ["const { Credentials } = await sts.send(new AssumeRoleCommand({ RoleArn: event.r, Bogus: 1 }));", `return new S3Client({ credentials: ${CREDS('Credentials')} });`]],
    ['no RoleArn', ["const { Credentials } = await sts.send(new AssumeRoleCommand({ RoleSessionName: 's' }));", `return new S3Client({ credentials: ${CREDS('Credentials')} });`]],
    ['TokenCode without SerialNumber', ['const { Credentials } = await sts.send(new AssumeRoleCommand({ RoleArn: event.r, TokenCode: event.code }));', `return new S3Client({ credentials: ${CREDS('Credentials')} });`]],
    ['a computed parameter', ['const { Credentials } = await sts.send(new AssumeRoleCommand({ RoleArn: event.r, [event.k]: 1 }));', `return new S3Client({ credentials: ${CREDS('Credentials')} });`]],
    ['a varying spread (no key can be built)', ['const { Credentials } = await sts.send(new AssumeRoleCommand({ RoleArn: event.r, ...event.extra }));', `return new S3Client({ credentials: ${CREDS('Credentials')} });`]],
    ['an input with side effects', ['const { Credentials } = await sts.send(new AssumeRoleCommand({ RoleArn: lookup(event) }));', `return new S3Client({ credentials: ${CREDS('Credentials')} });`]],
  ])('%s', (_name, body) => {
    const code = handler(...body);
    expect(kindsOf(code)).toEqual(['manual']);
    expect(fixAll(code)).toBe(code);
  });

  it('fromTemporaryCredentials already names something else', () => {
    const code = lines(STS, S3, CP, 'const sts = new STSClient({});', 'const fromTemporaryCredentials = 1;', 'export const handler = async (event) => {', `  const { Credentials } = await ${assume};`, `  return new S3Client({ credentials: ${CREDS('Credentials')} });`, '};');
    expect(kindsOf(code)).toEqual(['manual']);
  });

  it('fromTemporaryCredentials imported already under its name: reused', () => {
    const code = lines(STS, S3, "import { fromTemporaryCredentials } from '@aws-sdk/credential-providers';", 'const sts = new STSClient({});', 'export const handler = async (event) => {', `  const { Credentials } = await ${assume};`, `  return new S3Client({ credentials: ${CREDS('Credentials')} });`, '};');
    expect(kindsOf(code)).toEqual(['keyed']);
  });
});
