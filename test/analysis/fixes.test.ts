// Fix plans end to end: the exact text the codemod loop produces, that it parses, that a second
// pass changes nothing and finds nothing fixable, and that each site's edits also work alone (as
// an ESLint suggestion applies them).
import { describe, expect, it } from 'vitest';
import { analyzeSource, applyFixes, parseSource } from '../../src/analysis/index.js';
import { applyEdits } from '../../src/analysis/fix-plan/apply.js';
import { FIX_CASES } from './fix-cases.js';
import { fixableSites, fixAll, lines } from './support.js';

describe.each(FIX_CASES.map((c) => [c.name, c] as const))('fix: %s', (_name, c) => {
  const file = c.file ?? 'a.mjs';
  const options = c.availableModules ? { availableModules: c.availableModules } : undefined;

  it('plans the expected kinds', () => {
    expect(analyzeSource(c.input, file, options).sites.map((site) => site.fix.kind)).toEqual(c.kinds);
  });

  it('produces the exact output, which parses and has nothing fixable left', () => {
    const output = fixAll(c.input, file, options);
    expect(output).toBe(c.output);
    expect(() => parseSource(output, file)).not.toThrow();
    expect(fixableSites(output, file, options)).toEqual([]);
    expect(fixAll(output, file, options)).toBe(output);
  });

  it('applies each site alone, as an ESLint suggestion does, to text that parses', () => {
    for (const site of analyzeSource(c.input, file, options).sites) {
      if (site.fix.kind === 'manual') continue;
      const alone = applyEdits(c.input, site.fix.edits);
      expect(alone).not.toBe(c.input);
      expect(() => parseSource(alone, file)).not.toThrow();
    }
  });
});

describe('fix plans: manual with a reason', () => {
  const handler = (call: string): string =>
    lines("import { fromTemporaryCredentials, fromIni } from '@aws-sdk/credential-providers';", `export const handler = async (event) => ${call};`, "const LATER = 'x';");
  it.each([
    ['Date.now() in a session name', 'fromTemporaryCredentials({ params: { RoleArn: event.role, RoleSessionName: `s-${Date.now()}` } })', 'unique'],
    ['Math.random()', 'fromTemporaryCredentials({ params: { RoleArn: event.role, RoleSessionName: String(Math.random()) } })', 'side effects'],
    ['randomUUID()', 'fromTemporaryCredentials({ params: { RoleArn: event.role, RoleSessionName: randomUUID() } })', 'unique'],
    ['new Date()', 'fromTemporaryCredentials({ params: { RoleArn: event.role, RoleSessionName: `${new Date()}` } })', 'unique'],
    ['a spread of an unknown object', 'fromTemporaryCredentials({ ...event.options })', 'spreads'],
    ['a call with side effects', 'fromTemporaryCredentials({ params: { RoleArn: lookupRole(event) } })', 'side effects'],
    ['an await in the inputs', 'fromTemporaryCredentials({ params: { RoleArn: await event.role() } })', 'awaited'],
    ['an input declared after the handler', 'fromTemporaryCredentials({ params: { RoleArn: LATER } })', 'declared after'],
    ['a global the analysis cannot see', 'fromIni({ profile: PROFILE })', 'global'],
    ['masterCredentials that varies', 'fromTemporaryCredentials({ masterCredentials: event.base, params: { RoleArn: event.role } })', 'masterCredentials'],
    ['opaque options object', 'fromIni(event.options)', 'not an object literal'],
    ['a function input', 'fromTemporaryCredentials({ params: { RoleArn: event.role }, mfaCodeProvider: async () => event.code })', 'function'],
    ['an option the key scheme does not know', 'fromIni({ profile: event.p, Region: "x" })', 'cache-key scheme'],
  ])('%s', (_name, call, reason) => {
    const code = handler(call);
    const sites = analyzeSource(code, 'a.mjs').sites.filter((site) => site.rule === 'no-per-request-credential-provider');
    const site = sites[0];
    expect(site?.fix.kind).toBe('manual');
    expect(site?.fix.kind === 'manual' && site.fix.reason).toContain(reason);
    expect(fixAll(code, 'a.mjs')).toBe(code);
  });

  it('masterCredentials built per request: the outer provider is manual, the inner one is keyed', () => {
    const code = handler('fromTemporaryCredentials({ masterCredentials: fromIni({ profile: event.p }), params: { RoleArn: "r" } })');
    const sites = analyzeSource(code, 'a.mjs').sites;
    expect(sites.map((site) => `${site.data.name}:${site.fix.kind}`)).toEqual(['fromTemporaryCredentials:manual', 'fromIni:keyed']);
    expect(sites[0]?.fix.kind === 'manual' && sites[0].fix.reason).toContain('nested provider `fromIni()` has inputs that vary per request');
  });

  it('a per-request client with varying config, without @aws-sdk/credential-providers in the file', () => {
    const code = lines("import { S3Client } from '@aws-sdk/client-s3';", 'export const handler = async (event) => new S3Client({ region: event.region });');
    const [site] = analyzeSource(code, 'a.mjs').sites;
    expect(site?.fix).toEqual({ kind: 'manual', reason: expect.stringContaining('does not import @aws-sdk/credential-providers') });
  });

  it('…which availableModules allows, adding the import', () => {
    const code = lines("import { S3Client } from '@aws-sdk/client-s3';", 'export const handler = async (event) => new S3Client({ region: event.region });');
    expect(fixAll(code, 'a.mjs', { availableModules: ['@aws-sdk/credential-providers'] })).toBe(
      lines(
        "import { S3Client } from '@aws-sdk/client-s3';",
        "import { fromNodeProviderChain } from '@aws-sdk/credential-providers';",
        "import { cacheCredentials } from 'eslint-plugin-aws-credentials/runtime';",
        'const defaultCredentials = cacheCredentials(fromNodeProviderChain());',
        '',
        'export const handler = async (event) => new S3Client({ region: event.region, credentials: defaultCredentials });',
      ),
    );
  });

  it('AWS.config.credentials set per request from varying inputs', () => {
    const code = lines("const AWS = require('aws-sdk');", 'exports.handler = async (e) => { AWS.config.credentials = new AWS.TemporaryCredentials({ RoleArn: e.role }); };');
    const [site] = analyzeSource(code, 'a.js').sites;
    expect(site?.rule).toBe('no-frozen-credentials');
    expect(site?.fix.kind === 'manual' && site.fix.reason).toContain('races between concurrent requests');
  });

  it('frozen credentials used for more than a client', () => {
    const code = lines("import { fromIni } from '@aws-sdk/credential-providers';", 'const provider = fromIni();', 'const credentials = await provider();', 'console.log(credentials.accessKeyId);');
    const [site] = analyzeSource(code, 'a.mjs').sites;
    expect(site?.messageId).toBe('awaitedCredentialsFrozen');
    expect(site?.fix.kind === 'manual' && site.fix.reason).toContain('used for more than');
  });
});

describe('fix plans: the key scheme', () => {
  const keyOf = (call: string): string | undefined => {
    const code = lines("import { fromTemporaryCredentials, fromIni } from '@aws-sdk/credential-providers';", `export const handler = async (e) => ${call};`);
    const site = analyzeSource(code, 'a.mjs').sites[0];
    return site?.fix.kind === 'keyed' ? site.fix.description.replace(/^sharedCredentials\((.*), \(\) => .*$/, '$1') : undefined;
  };

  it('names the provider and every input, static ones too', () => {
    expect(keyOf("fromTemporaryCredentials({ params: { RoleArn: e.role, RoleSessionName: 'app', DurationSeconds: 900 } })")).toBe(
      "{ source: 'fromTemporaryCredentials', RoleArn: e.role, RoleSessionName: 'app', DurationSeconds: 900 }",
    );
  });

  it('keeps shorthand, nests what it does not flatten, and quotes keys that are not identifiers', () => {
    expect(keyOf("fromIni({ profile: e.p, clientConfig: { region: e.r, 'max-attempts': 2 } })")).toBe("{ source: 'fromIni', profile: e.p, region: e.r, clientConfig: { 'max-attempts': 2 } }");
  });

  it('gives different structures different keys', () => {
    expect(keyOf('fromIni({ profile: e.p })')).not.toBe(keyOf('fromIni({ clientConfig: { profile: e.p } })'));
  });

  it('reports the varying inputs', () => {
    const code = lines("import { fromTemporaryCredentials } from '@aws-sdk/credential-providers';", "export const handler = async (e) => fromTemporaryCredentials({ params: { RoleArn: e.role, RoleSessionName: 'x' } });");
    const [site] = analyzeSource(code, 'a.mjs').sites;
    expect(site?.fix.kind === 'keyed' && site.fix.keyInputs).toEqual(['e.role']);
  });
});

describe('applyFixes', () => {
  const code = lines(
    "import { fromIni, fromProcess } from '@aws-sdk/credential-providers';",
    "import { S3Client } from '@aws-sdk/client-s3';",
    'export const handler = async (e) => {',
    '  const a = new S3Client({ credentials: fromIni() });',
    '  const b = fromProcess({ profile: e.profile });',
    '  const c = fromIni({ profile: `x-${Date.now()}` });',
    '  return [a, b, c];',
    '};',
  );

  it('applies every fixable site with one merged runtime import and lists the manual ones', () => {
    const { sites } = analyzeSource(code, 'a.mjs');
    const result = applyFixes(code, sites);
    expect(result.applied.map((site) => site.fix.kind)).toEqual(['hoist', 'keyed']);
    expect(result.manual.map((site) => site.data.name)).toEqual(['fromIni']);
    expect(result.text).toBe(
      lines(
        "import { fromIni, fromProcess } from '@aws-sdk/credential-providers';",
        "import { S3Client } from '@aws-sdk/client-s3';",
        "import { cacheCredentials, sharedCredentials } from 'eslint-plugin-aws-credentials/runtime';",
        'const iniCredentials = cacheCredentials(fromIni());',
        '',
        'export const handler = async (e) => {',
        '  const a = new S3Client({ credentials: iniCredentials });',
        "  const b = sharedCredentials({ source: 'fromProcess', profile: e.profile }, () => fromProcess({ profile: e.profile }));",
        '  const c = fromIni({ profile: `x-${Date.now()}` });',
        '  return [a, b, c];',
        '};',
      ),
    );
  });

  it('drops a site whose edits overlap an applied one, for the next pass', () => {
    const nested = lines(
      "import { fromTemporaryCredentials, fromIni } from '@aws-sdk/credential-providers';",
      "export const handler = async (e) => fromTemporaryCredentials({ masterCredentials: fromIni({ profile: 'base' }), params: { RoleArn: 'r' } });",
    );
    const { sites } = analyzeSource(nested, 'a.mjs');
    expect(sites.map((site) => site.fix.kind)).toEqual(['hoist', 'hoist']);
    const first = applyFixes(nested, sites);
    expect(first.applied.map((site) => site.data.name)).toEqual(['fromTemporaryCredentials']);
    expect(() => parseSource(first.text, 'a.mjs')).not.toThrow();
    const final = fixAll(nested, 'a.mjs');
    expect(fixableSites(final, 'a.mjs')).toEqual([]);
  });

  it('returns the text unchanged when nothing is fixable', () => {
    const clean = lines("import { S3Client } from '@aws-sdk/client-s3';", 'export const s3 = new S3Client({});');
    expect(applyFixes(clean, analyzeSource(clean, 'a.mjs').sites)).toEqual({ text: clean, applied: [], manual: [], declared: [] });
  });
});

describe('fix plans: an API bound inside the function', () => {
  it('keys a provider from `await import()` instead of hoisting it out of its scope', () => {
    const code = lines(
      'export const handler = async () => {',
      "  const { fromProcess } = await import('@aws-sdk/credential-providers');",
      "  return fromProcess({ profile: 'app' });",
      '};',
    );
    const output = lines(
      "import { sharedCredentials } from 'eslint-plugin-aws-credentials/runtime';",
      '',
      'export const handler = async () => {',
      "  const { fromProcess } = await import('@aws-sdk/credential-providers');",
      "  return sharedCredentials({ source: 'fromProcess', profile: 'app' }, () => fromProcess({ profile: 'app' }));",
      '};',
    );
    expect(fixAll(code, 'a.mjs')).toBe(output);
    expect(fixableSites(output, 'a.mjs')).toEqual([]);
  });

  it('shares nothing in a file that switches identity through AWS_* environment variables', () => {
    for (const change of ["process.env.AWS_ACCESS_KEY_ID = keys.id;", "delete process.env['AWS_SESSION_TOKEN'];", 'Object.assign(process.env, keys);']) {
      const code = lines("import { S3Client } from '@aws-sdk/client-s3';", "import { fromIni } from '@aws-sdk/credential-providers';", `export function useAccount(keys) { ${change} }`, "export async function handler() { const s3 = new S3Client({ credentials: fromIni({ profile: 'a' }) }); return s3; }");
      const sites = analyzeSource(code, 'a.mjs').sites;
      expect(sites.length).toBeGreaterThan(0);
      for (const site of sites) expect(site.fix.kind === 'manual' && site.fix.reason).toContain('changes AWS_* environment variables');
      expect(fixAll(code, 'a.mjs')).toBe(code);
    }
    const unrelated = lines("import { fromIni } from '@aws-sdk/credential-providers';", 'process.env.LOG_LEVEL = "debug";', "export async function handler() { return fromIni({ profile: 'a' }); }");
    expect(analyzeSource(unrelated, 'a.mjs').sites[0]?.fix.kind).not.toBe('manual');
  });

  it('never moves an `await` into the non-async factory of sharedCredentials', () => {
    const code = lines('export const handler = async () => {', "  return (await import('@aws-sdk/credential-providers')).fromIni({ profile: 'app' });", '};');
    const [site] = analyzeSource(code, 'a.mjs').sites;
    expect(site?.fix.kind === 'manual' && site.fix.reason).toContain('awaited in place');
    expect(fixAll(code, 'a.mjs')).toBe(code);
  });

  it('leaves a client built from a function-local class for manual review', () => {
    const code = lines('export const handler = async () => {', "  const { S3Client } = await import('@aws-sdk/client-s3');", '  return new S3Client({});', '};');
    const [site] = analyzeSource(code, 'a.mjs').sites;
    expect(site?.fix.kind === 'manual' && site.fix.reason).toContain('`S3Client` is bound inside the function');
  });
});

describe('fix plans never change the identity that signs', () => {
  it.each([
    ['profile', "new S3Client({ region: event.region, profile: 'audit' })"],
    ['a spread', 'new S3Client({ ...event.config })'],
    ['credentialDefaultProvider', 'new S3Client({ region: event.region, credentialDefaultProvider: custom })'],
  ])('a client config with %s gets no shared credentials', (_what, client) => {
    const code = lines("import { S3Client } from '@aws-sdk/client-s3';", "import { fromIni } from '@aws-sdk/credential-providers';", `app.get('/', (event) => ${client});`);
    const sites = analyzeSource(code, 'a.mjs').sites.filter((site) => site.rule === 'no-per-request-client');
    for (const site of sites) expect(site.fix.kind).toBe('manual');
    expect(fixAll(code, 'a.mjs')).toBe(code);
  });

  it('clients whose operations sign nothing (SSO, SSO-OIDC) are not reported', () => {
    const code = lines("import { SSOOIDCClient } from '@aws-sdk/client-sso-oidc';", "import { SSOClient } from '@aws-sdk/client-sso';", "app.get('/', () => [new SSOOIDCClient({}), new SSOClient({})]);");
    expect(analyzeSource(code, 'a.mjs').sites).toEqual([]);
  });

  const clientSites = (code: string) => analyzeSource(code, 'a.mjs', { availableModules: ['@aws-sdk/credential-providers'] }).sites.filter((site) => site.rule === 'no-per-request-client');
  const route = (imports: string, body: string) => lines(imports, `app.get('/', async (req) => { ${body} });`);
  const COGNITO = "import { CognitoIdentityClient, GetIdCommand, GetCredentialsForIdentityCommand, GetOpenIdTokenCommand, ListIdentityPoolsCommand } from '@aws-sdk/client-cognito-identity';";
  const STS = "import { STSClient, AssumeRoleWithWebIdentityCommand, AssumeRoleWithSAMLCommand, GetCallerIdentityCommand } from '@aws-sdk/client-sts';";
  const OIDC = "import { SSOOIDCClient, CreateTokenCommand, CreateTokenWithIAMCommand } from '@aws-sdk/client-sso-oidc';";

  it.each([
    ['Cognito Identity for GetId and GetCredentialsForIdentity', COGNITO, "const c = new CognitoIdentityClient({ region: 'eu-west-1' }); const { IdentityId } = await c.send(new GetIdCommand({ IdentityPoolId: req.pool })); return c.send(new GetCredentialsForIdentityCommand({ IdentityId }));"],
    ['Cognito Identity inline, GetOpenIdToken', COGNITO, "return new CognitoIdentityClient({}).send(new GetOpenIdTokenCommand({ IdentityId: req.id }));"],
    ['STS for AssumeRoleWithWebIdentity and AssumeRoleWithSAML', STS, "const sts = new STSClient({}); await sts.send(new AssumeRoleWithSAMLCommand(req.saml)); return sts.send(new AssumeRoleWithWebIdentityCommand(req.web));"],
    ['SSO-OIDC for CreateToken', OIDC, 'const oidc = new SSOOIDCClient({}); return oidc.send(new CreateTokenCommand(req.body));'],
  ])('a client used only for operations that are never signed is not reported, nor given credentials: %s', (_what, imports, body) => {
    const code = route(imports, body);
    expect(clientSites(code)).toEqual([]);
    expect(fixAll(code, 'a.mjs', { availableModules: ['@aws-sdk/credential-providers'] })).not.toContain('defaultCredentials');
  });

  it.each([
    ['a signed Cognito operation too', COGNITO, 'const c = new CognitoIdentityClient({}); await c.send(new GetIdCommand(req.a)); return c.send(new ListIdentityPoolsCommand({ MaxResults: 1 }));'],
    ['a signed STS operation too', STS, 'const sts = new STSClient({}); await sts.send(new AssumeRoleWithWebIdentityCommand(req.web)); return sts.send(new GetCallerIdentityCommand({}));'],
    ['an STS client passed on (its operations unseen)', STS, 'const sts = new STSClient({}); return helper(sts);'],
    ['a Cognito client stored (its operations unseen)', COGNITO, 'req.client = new CognitoIdentityClient({});'],
    ['CreateTokenWithIAM, the signed SSO-OIDC operation', OIDC, 'const oidc = new SSOOIDCClient({}); return oidc.send(new CreateTokenWithIAMCommand(req.body));'],
  ])('a client that may sign is reported as before: %s', (_what, imports, body) => {
    expect(clientSites(route(imports, body))).toHaveLength(1);
  });
});
