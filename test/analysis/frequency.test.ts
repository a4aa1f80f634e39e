// How often code runs: each case is one shape, with the one API call in it marked by `needle`.
// `context` is the per-invocation label the messages show; `once` means nothing is reported.
import { describe, expect, it } from 'vitest';
import { analyzeSource } from '../../src/analysis/index.js';
import { at, lines } from './support.js';

interface FrequencyCase {
  readonly name: string;
  readonly file?: string;
  readonly code: string;
  /** The API call the case is about (its first occurrence). */
  readonly needle: string;
  /** The per-invocation label, or 'once'. */
  readonly context: string;
  readonly memoizers?: readonly string[];
}

const S3 = "import { S3Client } from '@aws-sdk/client-s3';";
const CP = "import { fromIni, fromTemporaryCredentials } from '@aws-sdk/credential-providers';";
const RUNTIME = "import { cacheCredentials, sharedCredentials } from 'eslint-plugin-aws-credentials/runtime';";

const ONCE: readonly FrequencyCase[] = [
  { name: 'module scope', code: lines(S3, 'export const s3 = new S3Client({});'), needle: 'new S3Client', context: 'once' },
  { name: 'top-level await', code: lines(CP, 'await Promise.resolve();', 'export const credentials = fromIni();'), needle: 'fromIni()', context: 'once' },
  { name: 'static block', file: 'a.ts', code: lines(S3, 'export class Store { static s3: S3Client; static { Store.s3 = new S3Client({}); } }'), needle: 'new S3Client', context: 'once' },
  { name: 'static field', file: 'a.ts', code: lines(S3, 'export class Store { static s3 = new S3Client({}); }'), needle: 'new S3Client', context: 'once' },
  { name: 'module-scope IIFE', code: lines(CP, 'export const credentials = (() => fromIni())();'), needle: 'fromIni()', context: 'once' },
  { name: 'module-scope async IIFE', code: lines(S3, '(async function () { const s3 = new S3Client({}); await s3.send(); })();'), needle: 'new S3Client', context: 'once' },
  { name: 'main() called once at module scope', code: lines(S3, 'function main() { return new S3Client({}); }', 'main();'), needle: 'new S3Client', context: 'once' },
  { name: 'a table of functions the exporting function only iterates is judged at its callers', code: lines(CP, 'export async function getCredentials(p) { const methods = [{ name: "ini", fn: () => fromIni({ profile: p }) }]; for (const m of methods) await m.fn(); }'), needle: 'fromIni({', context: 'once' },
  { name: 'a member of an object exported whole (utilities.f = …; module.exports = utilities)', file: 'a.js', code: lines("const { fromIni } = require('@aws-sdk/credential-providers');", 'const utilities = {};', 'utilities.prepare = async (profile) => fromIni({ profile });', 'module.exports = utilities;'), needle: 'fromIni({', context: 'once' },
  { name: 'a cache object computes on a miss (cache.getOrElse(key, fetch))', file: 'a.ts', code: lines(CP, 'async function fetchKey() { return fromIni(); }', "app.use(async (req) => cache.getOrElse(req.key, fetchKey));"), needle: 'fromIni()', context: 'once' },
  { name: 'exported set-up function', code: lines(S3, 'export async function init() { return new S3Client({}); }'), needle: 'new S3Client', context: 'once' },
  { name: 'a non-exported function never called', code: lines(S3, 'function unused() { return new S3Client({}); }'), needle: 'new S3Client', context: 'once' },
  { name: 'class instantiated only at module scope', code: lines(S3, 'class Store { constructor() { this.s3 = new S3Client({}); } }', 'export const store = new Store();'), needle: 'new S3Client', context: 'once' },
  { name: 'class field of a class instantiated once', file: 'a.ts', code: lines(S3, 'class Store { s3 = new S3Client({}); }', 'export const store = new Store();'), needle: 'new S3Client', context: 'once' },
  { name: 'NestJS @Injectable() (default singleton scope)', file: 'a.ts', code: lines(S3, '@Injectable()', 'export class Store { constructor() { this.s3 = new S3Client({}); } s3: S3Client; }'), needle: 'new S3Client', context: 'once' },
  { name: 'container.register with a singleton lifecycle', file: 'a.ts', code: lines(S3, 'class Store { s3 = new S3Client({}); }', 'container.register(Store, { useClass: Store }, { lifecycle: Lifecycle.Singleton });'), needle: 'new S3Client', context: 'once' },
  { name: 'lazy: ??=', code: lines(S3, 'let s3;', 'export const handler = async () => (s3 ??= new S3Client({}));'), needle: 'new S3Client', context: 'once' },
  { name: 'lazy: ||=', code: lines(S3, 'let s3;', 'export const handler = async () => (s3 ||= new S3Client({}));'), needle: 'new S3Client', context: 'once' },
  { name: 'lazy: if (!x) x = …', code: lines(S3, 'let s3;', 'export async function handler() { if (!s3) s3 = new S3Client({}); return s3; }'), needle: 'new S3Client', context: 'once' },
  { name: 'lazy: if (x === undefined) { x = … }', code: lines(S3, 'let s3;', 'export async function handler() { if (s3 === undefined) { s3 = new S3Client({}); } return s3; }'), needle: 'new S3Client', context: 'once' },
  { name: 'lazy: x || (x = …)', code: lines(S3, 'let s3;', 'export const handler = async () => s3 || (s3 = new S3Client({}));'), needle: 'new S3Client', context: 'once' },
  { name: 'lazy: this.x ??= … in a method', code: lines(S3, 'export class Store { client() { return (this.s3 ??= new S3Client({})); } }'), needle: 'new S3Client', context: 'once' },
  { name: 'lazy: globalThis cache for hot reload', code: lines(S3, 'export function client() { if (!globalThis.s3) globalThis.s3 = new S3Client({}); return globalThis.s3; }'), needle: 'new S3Client', context: 'once' },
  { name: 'Map get-miss-set', code: lines(CP, 'const cache = new Map();', 'export function get(profile) { let p = cache.get(profile); if (!p) { p = fromIni({ profile }); cache.set(profile, p); } return p; }'), needle: 'fromIni({', context: 'once' },
  { name: 'Map has-miss-set', code: lines(CP, 'const cache = new Map();', 'export function get(profile) { if (!cache.has(profile)) cache.set(profile, fromIni({ profile })); return cache.get(profile); }'), needle: 'fromIni({', context: 'once' },
  { name: 'object cache get-miss-set', code: lines(CP, 'const cache = {};', 'export function get(role) { if (!cache[role]) cache[role] = fromTemporaryCredentials({ params: { RoleArn: role } }); return cache[role]; }'), needle: 'fromTemporaryCredentials({', context: 'once' },
  { name: 'useEffect with no dependencies runs once per mount', file: 'a.jsx', code: lines(CP, 'export function App() { useEffect(() => { fromIni(); }, []); return <div />; }'), needle: 'fromIni()', context: 'once' },
  { name: 'a wrapper method whose `request` is an SDK operation input is judged at its callers', file: 'a.ts', code: lines(S3, 'export class Sts { upload(request: PutObjectRequest) { return new S3Client({}); } }'), needle: 'new S3Client', context: 'once' },
  { name: "a credentials provider class's getCredentials runs when its consumer's credentials expire", file: 'a.ts', code: lines(CP, 'class ProfileCredentialsProvider implements CredentialsProvider { async getCredentials() { return fromIni({ profile: this.profile })(); } }', 'const provider = new ProfileCredentialsProvider();', 'store.remember(() => provider.getCredentials());'), needle: 'fromIni(', context: 'once' },
  { name: "an SDK v2 credentials subclass's refresh runs when they expire", file: 'a.js', code: lines("const AWS = require('aws-sdk');", 'class RoleCredentials extends AWS.Credentials { refresh(callback) { new AWS.STS().assumeRole({ RoleArn: this.arn, RoleSessionName: "s" }, callback); } }', 'const credentials = new RoleCredentials();', 'queue.on("message", () => credentials.refresh(() => {}));'), needle: 'assumeRole(', context: 'once' },
  { name: 'the provider a function typed to return a credentials provider returns runs when its credentials expire', file: 'a.ts', code: lines(CP, 'function profileProvider(profile: string): AwsCredentialIdentityProvider { return async () => fromIni({ profile })(); }', 'app.get("/", () => new S3Client({ credentials: profileProvider("p") }));'), needle: 'fromIni(', context: 'once' },
  { name: 'the same from a `make…CredentialsProvider` method, as an arrow body', file: 'a.ts', code: lines(CP, 'class Profiles { makeIniCredentialsProvider = (profile) => async () => fromIni({ profile })(); }', 'const profiles = new Profiles();', 'app.get("/", () => profiles.makeIniCredentialsProvider("p"));'), needle: 'fromIni(', context: 'once' },
  { name: 'the provider a function named for credentials returns (`makeAwsCredentialsFromCognito`), in CommonJS', file: 'a.js', code: lines("const { fromCognitoIdentityPool } = require('@aws-sdk/credential-providers');", 'const makeAwsCredentialsFromCognito = (config) => { return async () => fromCognitoIdentityPool({ identityPoolId: config.pool })(); };', 'module.exports = makeAwsCredentialsFromCognito;'), needle: 'fromCognitoIdentityPool(', context: 'once' },
  { name: 'a function returned by any other function is judged as a callback', file: 'a.ts', code: lines(CP, 'function profileLoader(profile: string) { return async () => fromIni({ profile })(); }', 'app.get("/", () => profileLoader("p")());'), needle: 'fromIni(', context: 'callback' },
  { name: 'React useMemo', file: 'a.jsx', code: lines(CP, 'export function Upload() { const c = useMemo(() => fromIni(), []); return <div />; }'), needle: 'fromIni()', context: 'once' },
  { name: 'React useState initialiser', file: 'a.jsx', code: lines(S3, 'export function Upload() { const [s3] = useState(() => new S3Client({})); return <div />; }'), needle: 'new S3Client', context: 'once' },
  { name: 'React useRef lazily filled', file: 'a.jsx', code: lines(S3, 'export function Upload() { const ref = useRef(null); if (!ref.current) ref.current = new S3Client({}); return <div />; }'), needle: 'new S3Client', context: 'once' },
  { name: 'inside cacheCredentials()', code: lines(CP, RUNTIME, 'export const handler = async () => cacheCredentials(fromIni());'), needle: 'fromIni()', context: 'once' },
  { name: 'inside a sharedCredentials() factory', code: lines(CP, RUNTIME, 'export const handler = async (e) => sharedCredentials({ p: e.p }, () => fromIni({ profile: e.p }));'), needle: 'fromIni({', context: 'once' },
  { name: 'inside a configured memoizer', code: lines(CP, "import memoize from 'lodash/memoize';", 'export const credentialsFor = memoize((profile) => fromIni({ profile }));'), needle: 'fromIni({', context: 'once', memoizers: ['memoize'] },
  { name: 'inside a dotted memoizer', code: lines(CP, 'export const credentialsFor = _.memoize((profile) => fromIni({ profile }));'), needle: 'fromIni({', context: 'once', memoizers: ['_.memoize'] },
  { name: 'a promise chain at module scope', code: lines(CP, 'export const ready = Promise.resolve().then(() => fromIni());'), needle: 'fromIni()', context: 'once' },
  { name: 'exported function never called here: judged at its callers', code: lines(CP, 'export function credentialsFor(role) { return fromTemporaryCredentials({ params: { RoleArn: role } }); }'), needle: 'fromTemporaryCredentials({', context: 'once' },
  { name: 'export { f } of a factory: judged at its callers', code: lines(CP, 'function credentialsFor(role) { return fromTemporaryCredentials({ params: { RoleArn: role } }); }', 'export { credentialsFor };'), needle: 'fromTemporaryCredentials({', context: 'once' },
  // Caching the analysis recognises (issue: detection that holds on real code, class 2)
  { name: 'this.clients[key] ??= in a method', file: 'a.ts', code: lines(S3, 'export class Pool { clients: Record<string, S3Client> = {}; get(region: string) { return (this.clients[region] ??= new S3Client({ region })); } }'), needle: 'new S3Client', context: 'once' },
  { name: 'early return of the cached value, set after', code: lines(CP, 'const cache = new Map();', "app.get('/', (req) => { if (cache.has(req.role)) return cache.get(req.role); const p = fromTemporaryCredentials({ params: { RoleArn: req.role } }); cache.set(req.role, p); return p; });"), needle: 'fromTemporaryCredentials({', context: 'once' },
  { name: 'early return through a local read of the cache', code: lines(CP, 'const cache = new Map();', "app.get('/', (req) => { const hit = cache.get(req.role); if (hit) return hit; const p = fromTemporaryCredentials({ params: { RoleArn: req.role } }); cache.set(req.role, p); return p; });"), needle: 'fromTemporaryCredentials({', context: 'once' },
  { name: 'early return of a field, assigned after', code: lines(S3, 'export class Svc { client; get() { if (this.client) return this.client; this.client = new S3Client({}); return this.client; } }'), needle: 'new S3Client', context: 'once' },
  { name: 'provider built every call, stored only on a miss', code: lines(CP, 'const cache = new Map();', "app.get('/', (req) => { const p = fromTemporaryCredentials({ params: { RoleArn: req.role } }); if (!cache.has(req.role)) cache.set(req.role, p); return cache.get(req.role); });"), needle: 'fromTemporaryCredentials({', context: 'once' },
  { name: 'a wrapper named for caching', code: lines(CP, "app.get('/', (req) => withCache(req.role, () => fromTemporaryCredentials({ params: { RoleArn: req.role } })));"), needle: 'fromTemporaryCredentials({', context: 'once' },
  { name: 'lodash memoize without configuration', code: lines(CP, 'export const credentialsFor = _.memoize((role) => fromTemporaryCredentials({ params: { RoleArn: role } }));'), needle: 'fromTemporaryCredentials({', context: 'once' },
  { name: 'pMemoize', code: lines(CP, 'export const credentialsFor = pMemoize(async (role) => fromTemporaryCredentials({ params: { RoleArn: role } }));'), needle: 'fromTemporaryCredentials({', context: 'once' },
  { name: 'once()', code: lines(S3, 'export const client = once(() => new S3Client({}));'), needle: 'new S3Client', context: 'once' },
  { name: 'singleton getInstance()', code: lines(S3, 'export class Aws { static instance; static getInstance() { if (!Aws.instance) Aws.instance = new Aws(); return Aws.instance; } constructor() { this.s3 = new S3Client({}); } }'), needle: 'new S3Client', context: 'once' },
  { name: 'a middleware that keeps credentials until they expire', code: lines(CP, 'let creds;', "app.use(async (req, res, next) => { if (!creds || creds.expiration < Date.now()) { creds = await fromTemporaryCredentials({ params: { RoleArn: 'r' } })(); } next(); });"), needle: 'fromTemporaryCredentials({', context: 'once' },
  { name: 'a memoizing method decorator', file: 'a.ts', code: lines(S3, 'export class Svc { @Memoize() client(region: string) { return new S3Client({ region }); } }'), needle: 'new S3Client', context: 'once' },
  { name: 'NestJS useFactory', file: 'a.ts', code: lines(S3, 'export const providers = [{ provide: S3Client, useFactory: () => new S3Client({}) }];'), needle: 'new S3Client', context: 'once' },
  // Code that runs once per process (class 3)
  { name: 'a bounded retry loop that returns on success', code: lines(S3, "export const handler = async () => 1;", 'async function connect() { let attempt = 0; while (attempt < 3) { try { return await new S3Client({}).send(); } catch { attempt++; } } }', 'connect();'), needle: 'new S3Client', context: 'once' },
  { name: 'a for retry loop that breaks on success', code: lines(S3, 'let client;', 'for (let i = 0; i < 5; i++) { try { client = new S3Client({}); break; } catch (e) { await sleep(100); } }'), needle: 'new S3Client', context: 'once' },
  { name: 'a test body', file: 'src/upload.test.ts', code: lines(S3, "describe('upload', () => { it('works', async () => { const s3 = new S3Client({}); }); });"), needle: 'new S3Client', context: 'once' },
  { name: 'a file under test/', file: 'test/helpers.ts', code: lines(S3, "export function client() { return new S3Client({}); }", "app.get('/', () => client());"), needle: 'new S3Client', context: 'once' },
  { name: 'a commander action', code: lines(S3, "import { Command } from 'commander';", 'const program = new Command();', "program.command('upload').action(async () => { const s3 = new S3Client({}); });"), needle: 'new S3Client', context: 'once' },
  { name: 'a yargs command handler', code: lines(S3, "import yargs from 'yargs';", "yargs(process.argv).command('ls', 'list', () => {}, async () => { new S3Client({}); }).parse();"), needle: 'new S3Client', context: 'once' },
  { name: 'one source per account in a script is what one run needs', file: 'scripts/audit.ts', code: lines(CP, 'for (const account of accounts) { fromTemporaryCredentials({ params: { RoleArn: account } }); }'), needle: 'fromTemporaryCredentials({', context: 'once' },
  { name: 'one source per element of a map in a script', file: 'scripts/audit.ts', code: lines(CP, 'accounts.map((account) => fromTemporaryCredentials({ params: { RoleArn: account.role } }));'), needle: 'fromTemporaryCredentials({', context: 'once' },
  { name: 'a program that calls main() at the top level is a script', file: 'src/report.js', code: lines("const { fromIni } = require('@aws-sdk/credential-providers');", 'async function main() { for (const profile of profiles) fromIni({ profile }); }', 'main().catch(console.error);'), needle: 'fromIni({', context: 'once' },
  { name: 'a signal handler runs once', code: lines(S3, "process.on('SIGINT', async () => { await new S3Client({}).destroy(); });"), needle: 'new S3Client', context: 'once' },
  { name: 'emitter.once runs once per registration', code: lines(S3, "server.once('listening', () => new S3Client({}));"), needle: 'new S3Client', context: 'once' },
  { name: 'a script with a shebang', code: lines('#!/usr/bin/env node', S3, 'async function upload(file) { return new S3Client({}); }', 'files.forEach(upload);'), needle: 'new S3Client', context: 'loop' },
  { name: 'a function in scripts/ called back once', file: 'scripts/deploy.ts', code: lines(S3, 'async function run() { return new S3Client({}); }', 'program.then(run);'), needle: 'new S3Client', context: 'once' },
  { name: 'a program that reads its arguments at the top level', file: 'a.mjs', code: lines("import { S3Client } from '@aws-sdk/client-s3';", 'const count = Number(process.argv[2] ?? 5);', 'pool.execute(count, () => new S3Client({}));'), needle: 'new S3Client', context: 'once' },
  { name: 'require.main === module', file: 'a.js', code: lines("const { S3Client } = require('@aws-sdk/client-s3');", 'class Uploader { upload() { return new S3Client({}); } }', 'if (require.main === module) { new Uploader().upload(); }'), needle: 'new S3Client', context: 'once' },
  { name: 'a Fastify plugin registration', code: lines(S3, 'fastify.register(async (instance) => { instance.decorate("s3", new S3Client({})); });'), needle: 'new S3Client', context: 'once' },
  { name: 'a Serverless Framework plugin hook', code: lines(S3, "class Plugin { constructor() { this.hooks = { 'before:deploy:deploy': () => new S3Client({}) }; } }", 'module.exports = Plugin;'), needle: 'new S3Client', context: 'once' },
  { name: 'a Vite plugin hook', code: lines(S3, "export default function plugin() { return { name: 'x', buildStart() { new S3Client({}); } }; }"), needle: 'new S3Client', context: 'once' },
  { name: 'a method of an exported class nobody here calls: judged at its callers', code: lines(S3, 'export class Store { get() { return new S3Client({}); } }'), needle: 'new S3Client', context: 'once' },
  { name: 'an exported function built by a wrapper: judged at its callers', code: lines(S3, 'export const list = withSchema(schema, async (id) => new S3Client({}));'), needle: 'new S3Client', context: 'once' },
  { name: 'AWS.config.getCredentials per request reads the global, kept credentials', file: 'a.js', code: lines("const AWS = require('aws-sdk');", "app.get('/', (req, res) => AWS.config.getCredentials(() => res.end()));"), needle: 'AWS.config.getCredentials', context: 'once' },
  { name: 'a log line that mentions the container endpoint is no fetch', code: lines("export const handler = async () => console.log('credentials come from 169.254.170.2');"), needle: 'console.log', context: 'once' },
  { name: 'an awaited wrapper runs its callback now (retry with back-off)', code: lines(CP, "export const handler = async (e) => 1;", 'async function boot() { return await throttlingBackOff(() => fromIni()); }', 'boot();'), needle: 'fromIni()', context: 'once' },
  { name: 'an ES module run as a program (argv[1] is this file)', code: lines(S3, "import { fileURLToPath } from 'node:url';", 'class Step { constructor(name, run) {} }', 'export const steps = [new Step("create", async () => new S3Client({}))];', 'if (process.argv[1] === fileURLToPath(import.meta.url)) run(steps);'), needle: 'new S3Client', context: 'once' },
  { name: 'a function given to a class that runs it as often as it is built', code: lines(S3, 'export const steps = [new ScenarioAction("create", async () => new S3Client({}))];'), needle: 'new S3Client', context: 'once' },
  { name: 'recursion does not loop forever', code: lines(S3, 'function a(n) { return n ? a(n - 1) : new S3Client({}); }', 'a(3);'), needle: 'new S3Client', context: 'once' },
  // Session 5, from labels-train-4.json
  { name: 'a factory of handlers (`createUploadHandler`) runs once; the function it returns is the handler', code: lines(S3, 'export function createUploadHandler(config) { const s3 = new S3Client({}); return async (req) => s3; }'), needle: 'new S3Client', context: 'once' },
  { name: 'a Hapi plugin\'s register(server) runs once at start-up', code: lines(S3, "export default { plugin: { name: 'sqs', register: (server) => { server.decorate('request', 's3', new S3Client({})); } } };"), needle: 'new S3Client', context: 'once' },
  { name: 'the provider list of a v2 credential chain: called when the chain resolves, kept until expiry', file: 'a.js', code: lines("const AWS = require('aws-sdk');", "AWS.CredentialProviderChain.defaultProviders = [() => new AWS.SharedIniFileCredentials({ profile: 'p' })];", 'const chain = new AWS.CredentialProviderChain([() => new AWS.EnvironmentCredentials("AWS")]);'), needle: 'new AWS.SharedIniFileCredentials', context: 'once' },
  { name: 'a method of an exported instance (`export const store = new Store()`): judged where it is called', code: lines(S3, 'class Store { get() { return new S3Client({}); } }', 'export const store = new Store();'), needle: 'new S3Client', context: 'once' },
  { name: 'a Node-style completion callback runs once per call of the function it is given to', code: lines(S3, 'class App { componentDidMount() {} }', 'getUserToken((err, token) => new S3Client({}));'), needle: 'new S3Client', context: 'once' },
  { name: 'a helper that two exports call is summarised under both, not run per request', file: 'a.js', code: lines(S3, 'const client = () => new S3Client({});', 'exports.list = async () => client();', 'exports.put = async () => client();'), needle: 'new S3Client', context: 'once' },
];

const PER_INVOCATION: readonly FrequencyCase[] = [
  { name: 'export const handler', code: lines(S3, 'export const handler = async () => new S3Client({});'), needle: 'new S3Client', context: 'Lambda handler' },
  { name: 'export async function handler', code: lines(S3, 'export async function handler() { return new S3Client({}); }'), needle: 'new S3Client', context: 'Lambda handler' },
  { name: 'export default function handler(req, res): a request handler', code: lines(S3, 'export default async function handler(req, res) { res.json(await new S3Client({}).send()); }'), needle: 'new S3Client', context: 'request handler' },
  { name: 'exports.handler', file: 'a.js', code: lines("const { S3Client } = require('@aws-sdk/client-s3');", 'exports.handler = async () => new S3Client({});'), needle: 'new S3Client', context: 'Lambda handler' },
  { name: 'module.exports.handler', file: 'a.js', code: lines("const { S3Client } = require('@aws-sdk/client-s3');", 'module.exports.handler = async () => new S3Client({});'), needle: 'new S3Client', context: 'Lambda handler' },
  { name: 'module.exports = { handler }', file: 'a.js', code: lines("const { S3Client } = require('@aws-sdk/client-s3');", 'async function handler() { return new S3Client({}); }', 'module.exports = { handler };'), needle: 'new S3Client', context: 'Lambda handler' },
  { name: 'Next.js app-router GET', file: 'a.ts', code: lines(S3, 'export async function GET() { return Response.json(await new S3Client({}).send()); }'), needle: 'new S3Client', context: 'route handler' },
  { name: 'express route callback', code: lines(S3, "import express from 'express';", 'const app = express();', "app.get('/', async (req, res) => res.json(await new S3Client({}).send()));"), needle: 'new S3Client', context: 'route callback' },
  { name: 'router middleware', code: lines(S3, 'router.use((req, res, next) => { req.s3 = new S3Client({}); next(); });'), needle: 'new S3Client', context: 'route callback' },
  { name: 'named function passed as a route callback', code: lines(S3, 'async function upload(req, res) { res.json(await new S3Client({}).send()); }', "app.post('/upload', upload);"), needle: 'new S3Client', context: 'route callback' },
  { name: 'http.createServer callback', code: lines(S3, "import http from 'node:http';", 'http.createServer((req, res) => new S3Client({})).listen(80);'), needle: 'new S3Client', context: 'request handler' },
  { name: 'event emitter on()', code: lines(CP, "queue.on('message', () => fromIni());"), needle: 'fromIni()', context: 'event handler' },
  { name: 'setInterval', code: lines(CP, 'setInterval(() => fromIni(), 1000);'), needle: 'fromIni()', context: 'timer' },
  { name: 'setTimeout inside a handler', code: lines(CP, 'export const handler = async () => { setTimeout(() => fromIni(), 10); };'), needle: 'fromIni()', context: 'Lambda handler' },
  { name: 'any other callback argument', code: lines(CP, 'cron.schedule("* * * * *", () => fromIni());'), needle: 'fromIni()', context: 'callback' },
  { name: '.map callback', code: lines(CP, "export const all = ['a', 'b'].map((profile) => fromIni({ profile }));"), needle: 'fromIni({', context: 'loop' },
  { name: '.forEach callback', code: lines(CP, "['a', 'b'].forEach((profile) => fromIni({ profile }));"), needle: 'fromIni({', context: 'loop' },
  { name: 'for…of at module scope', code: lines(CP, "for (const profile of ['a', 'b']) fromIni({ profile });"), needle: 'fromIni({', context: 'loop' },
  { name: 'for loop', code: lines(CP, 'for (let i = 0; i < 3; i++) { fromIni(); }'), needle: 'fromIni()', context: 'loop' },
  { name: 'while loop', code: lines(CP, 'while (true) { await fromIni()(); }'), needle: 'fromIni()', context: 'loop' },
  { name: 'React component render', file: 'a.tsx', code: lines(CP, 'export function Upload() { const c = fromIni(); return <div>{String(c)}</div>; }'), needle: 'fromIni()', context: 'React component render' },
  { name: 'React component as export default arrow', file: 'a.jsx', code: lines(CP, 'const Upload = () => { const c = fromIni(); return <div />; };', 'export default Upload;'), needle: 'fromIni()', context: 'React component render' },
  { name: 'useState with a value, not an initialiser, runs every render', file: 'a.jsx', code: lines(S3, 'export function Upload() { const [s3] = useState(new S3Client({})); return <div />; }'), needle: 'new S3Client', context: 'React component render' },
  { name: 'useEffect callback', file: 'a.jsx', code: lines(CP, 'export function Upload() { useEffect(() => { fromIni(); }); return <div />; }'), needle: 'fromIni()', context: 'React render' },
  { name: 'useEffect callback with dependencies', file: 'a.jsx', code: lines(CP, 'export function Upload({ id }) { useEffect(() => { fromIni(); }, [id]); return <div />; }'), needle: 'fromIni()', context: 'React render' },
  { name: 'JSX event handler', file: 'a.jsx', code: lines(CP, 'export function Upload() { return <button onClick={() => fromIni()} />; }'), needle: 'fromIni()', context: 'event handler' },
  { name: 'class method', code: lines(S3, 'class Store { get() { return new S3Client({}); } }', 'globalThis.store = new Store();'), needle: 'new S3Client', context: 'class method' },
  { name: 'method called through this from a route method', file: 'a.ts', code: lines(S3, '@Controller()', 'export class Api { @Get() list() { return this.client().send(); } private client() { return new S3Client({}); } }'), needle: 'new S3Client', context: 'route handler' },
  { name: 'method called on an instance from a handler', code: lines(S3, 'export class Store { get() { return new S3Client({}); } }', 'const store = new Store();', 'export const handler = async () => store.get();'), needle: 'new S3Client', context: 'function called from a Lambda handler' },
  { name: 'a wrapped exported handler', code: lines(S3, 'export const handler = middy(async (event) => new S3Client({}));'), needle: 'new S3Client', context: 'Lambda handler' },
  { name: 'constructor of a class created per request', code: lines(S3, 'class Store { constructor() { this.s3 = new S3Client({}); } }', "app.post('/', () => new Store());"), needle: 'new S3Client', context: 'constructor of a class created per route callback' },
  { name: 'field initialiser of a class created in a handler', file: 'a.ts', code: lines(S3, 'class Store { s3 = new S3Client({}); }', 'export const handler = async () => new Store();'), needle: 'new S3Client', context: 'constructor of a class created per Lambda handler' },
  { name: 'NestJS request-scoped provider', file: 'a.ts', code: lines(S3, '@Injectable({ scope: Scope.REQUEST })', 'export class Store { s3 = new S3Client({}); }'), needle: 'new S3Client', context: 'request-scoped provider' },
  { name: 'transient container registration', file: 'a.ts', code: lines(S3, 'class Store { s3 = new S3Client({}); }', 'container.register(Store, { useClass: Store }, { lifecycle: Lifecycle.Transient });'), needle: 'new S3Client', context: 'request-scoped provider' },
  { name: 'local factory called from a handler', code: lines(CP, 'function make() { return fromIni(); }', 'export const handler = async () => make();'), needle: 'fromIni()', context: 'function called from a Lambda handler' },
  { name: 'local factory called once and from a route', code: lines(CP, 'function make() { return fromIni(); }', 'make();', "app.get('/', () => make());"), needle: 'fromIni()', context: 'function called from a route callback' },
  { name: 'two levels of local factories', code: lines(CP, 'function inner() { return fromIni(); }', 'function outer() { return inner(); }', 'export const handler = async () => outer();'), needle: 'fromIni()', context: 'function called from a Lambda handler' },
  { name: 'exported factory called from a handler in its own file', code: lines(CP, 'export function credentialsFor(role) { return fromTemporaryCredentials({ params: { RoleArn: role } }); }', 'export const handler = async (e) => credentialsFor(e.role);'), needle: 'fromTemporaryCredentials({', context: 'function called from a Lambda handler' },
  { name: 'an awaited wrapper inside a handler runs per invocation', code: lines(CP, 'export const handler = async (e) => await withRetry(() => fromIni());'), needle: 'fromIni()', context: 'Lambda handler' },
  { name: 'a BullMQ worker calls its function per job', code: lines(S3, "new Worker('jobs', async (job) => new S3Client({}));"), needle: 'new S3Client', context: 'event handler' },
  { name: 'a worker loop is no retry', code: lines(S3, 'async function work() { for (;;) { try { const s3 = new S3Client({}); await s3.send(); } catch (e) { log(e); } } }', 'work();'), needle: 'new S3Client', context: 'loop' },
  { name: 'a loop in a script that builds the same source on every pass', file: 'scripts/audit.ts', code: lines(CP, "for (const account of accounts) { fromTemporaryCredentials({ params: { RoleArn: 'arn:aws:iam::1:role/audit' } }); }"), needle: 'fromTemporaryCredentials({', context: 'loop' },
  { name: 'a server started by a top-level main() is no script', file: 'src/server.js', code: lines("const { fromIni } = require('@aws-sdk/credential-providers');", 'async function main() { app.get("/", () => { for (const p of profiles) fromIni({ profile: p }); }); app.listen(3000); }', 'main();'), needle: 'fromIni({', context: 'loop' },
  { name: "a once-event of a per-request object runs per request (res.on('finish'))", code: lines(S3, "app.get('/', (req, res) => { res.on('finish', () => new S3Client({})); });"), needle: 'new S3Client', context: 'route callback' },
  { name: 'a polling while loop in a script still repeats', file: 'scripts/poll.ts', code: lines(CP, 'while (running) { const role = next(); fromTemporaryCredentials({ params: { RoleArn: role } }); }'), needle: 'fromTemporaryCredentials({', context: 'loop' },
  { name: 'a server that reads its port from the arguments still serves per request', file: 'a.js', code: lines("const { S3Client } = require('@aws-sdk/client-s3');", 'const port = Number(process.argv[2]);', 'pool.execute(() => new S3Client({}));', 'app.listen(port);'), needle: 'new S3Client', context: 'callback' },
  { name: 'an MCP server on stdio, with a shebang and a require.main check, serves for the life of the process', file: 'a.ts', code: '#!/usr/bin/env node\n' + lines(S3, "import { StdioServerTransport } from '@modelcontextprotocol/sdk/server/stdio.js';", 'server.setRequestHandler(CallToolRequestSchema, async () => new S3Client({}));', 'export async function start() { await server.connect(new StdioServerTransport()); }', 'if (require.main === module) start();'), needle: 'new S3Client', context: 'callback' },
  { name: 'a route in a file that also has a CLI check', file: 'a.js', code: lines("const { S3Client } = require('@aws-sdk/client-s3');", "app.get('/', () => new S3Client({}));", 'if (require.main === module) app.listen(3000);'), needle: 'new S3Client', context: 'route callback' },
  { name: 'a cache that is checked but never filled is no cache', code: lines(CP, 'const cache = new Map();', "app.get('/', (req) => { if (cache.has(req.role)) return cache.get(req.role); return fromTemporaryCredentials({ params: { RoleArn: req.role } }); });"), needle: 'fromTemporaryCredentials({', context: 'route callback' },
  { name: 'express app.all is a route', code: lines(S3, "app.all('/x', () => new S3Client({}));"), needle: 'new S3Client', context: 'route callback' },
  // Reach (class 4): the SDK reached in ways a plain import does not show
  { name: 'STS by the shape of its input, on an injected client', code: lines(CP, "export const handler = async (event) => this.sdk.sts.assumeRole({ RoleArn: event.role, RoleSessionName: 'x' }).promise();"), needle: 'this.sdk.sts.assumeRole', context: 'Lambda handler' },
  { name: 'an SDK kept in a property', file: 'a.js', code: lines('class Scanner { constructor() { this.AWS = require(\'aws-sdk\'); } scan(role) { return new this.AWS.TemporaryCredentials({ RoleArn: role }); } }', 'const scanner = new Scanner();', "app.get('/', (req) => scanner.scan(req.role));"), needle: 'new this.AWS.TemporaryCredentials', context: 'function called from a route callback' },
  { name: 'an SDK passed as a parameter default', file: 'a.js', code: lines("exports.handler = async (event, context, AWS = require('aws-sdk')) => new AWS.ChainableTemporaryCredentials({ params: { RoleArn: event.role } });"), needle: 'new AWS.ChainableTemporaryCredentials', context: 'Lambda handler' },
  { name: 'new AWS.Config().getCredentials per request', file: 'a.js', code: lines("const AWS = require('aws-sdk');", "app.get('/', (req, res) => new AWS.Config({ region: 'eu-west-1' }).getCredentials(() => res.end()));"), needle: 'new AWS.Config', context: 'route callback' },
  { name: 'a hand-written fetch of the container endpoint', code: lines("export const handler = async () => (await fetch(`http://169.254.170.2${process.env.AWS_CONTAINER_CREDENTIALS_RELATIVE_URI}`)).json();"), needle: 'fetch(', context: 'Lambda handler' },
  { name: 'an IMDS credentials fetch through a const URL', code: lines("const URL = 'http://169.254.169.254/latest/meta-data/iam/security-credentials/app';", "app.get('/', async () => axios.get(URL));"), needle: 'axios.get', context: 'route callback' },
  { name: 'defaultProvider() per request is a per-request provider', code: lines("import { defaultProvider } from '@aws-sdk/credential-provider-node';", "app.get('/', async () => defaultProvider()());"), needle: 'defaultProvider()', context: 'route callback' },
  { name: 'lazy init of a handler-local variable is not lazy', code: lines(S3, 'export async function handler() { let s3; if (!s3) s3 = new S3Client({}); return s3; }'), needle: 'new S3Client', context: 'Lambda handler' },
  { name: 'a member of the aliased exports object that a route in the same file calls through the alias', file: 'a.js', code: lines("const { SESClient } = require('@aws-sdk/client-ses');", 'const self = module.exports;', 'self.mail = async (to) => new SESClient({});', 'self.forgot = async (req, res) => self.mail(req.body.to);'), needle: 'new SESClient', context: 'function called from a request handler' },
  { name: 'a lone `(e) => …` is an event handler, not a completion callback', code: lines(S3, "$('#upload').click((e) => new S3Client({}));"), needle: 'new S3Client', context: 'callback' },
  // Session 4, from the tuning half labels-train-3.json
  { name: 'a method taking an untyped `request` of a class created per call is still a request handler', file: 'a.ts', code: lines(S3, 'export class Api { upload(request, response) { return new S3Client({}); } }'), needle: 'new S3Client', context: 'request handler' },
  { name: 'a method taking an express `Request` is a request handler', file: 'a.ts', code: lines(S3, 'export class Api { upload(req: Request) { return new S3Client({}); } }'), needle: 'new S3Client', context: 'request handler' },
  { name: 'a request-handler arrow field of an exported class (handed to a router elsewhere)', file: 'a.ts', code: lines(S3, 'export class GiftController { upload = async (req: Request, res: Response) => { const s3 = new S3Client({}); }; }'), needle: 'new S3Client', context: 'request handler' },
  { name: 'a laf cloud function, whatever its name', file: 'functions/a.ts', code: lines(CP, 'exports.main = async function (ctx: FunctionContext) { return fromIni(); };'), needle: 'fromIni()', context: 'cloud function handler' },
  { name: 'a Lambda typed by its event, whatever its name', file: 'a.ts', code: lines(CP, 'export async function main(event: SQSEvent) { return fromIni(); }'), needle: 'fromIni()', context: 'Lambda handler' },
  { name: 'an exported handleX() is some framework\'s handler, not a Lambda', code: lines(S3, 'export async function handleGetCosts(args) { return new S3Client({}); }'), needle: 'new S3Client', context: 'handler function' },
  { name: 'a promise chain inside a handler', code: lines(CP, 'export const handler = () => Promise.resolve().then(() => fromIni());'), needle: 'fromIni()', context: 'Lambda handler' },
];

function frequencyOf(c: FrequencyCase): string {
  const { sites } = analyzeSource(c.code, c.file ?? 'a.mjs', c.memoizers ? { memoizers: c.memoizers } : undefined);
  const position = at(c.code, c.needle);
  const site = sites.find((s) => `${s.node.loc.start.line}:${s.node.loc.start.column + 1}` === position);
  if (!site) return sites.length === 0 ? 'once' : `nothing at ${position}; found ${sites.map((s) => `${s.node.loc.start.line}:${s.node.loc.start.column + 1}`).join(', ')}`;
  return site.frequency.kind === 'per-invocation' ? site.frequency.context : `once (${site.frequency.reason})`;
}

describe.each([
  ['once', ONCE],
  ['per invocation', PER_INVOCATION],
] as const)('frequency: %s', (_group, cases) => {
  it.each(cases.map((c) => [c.name, c] as const))('%s', (_name, c) => {
    expect(frequencyOf(c)).toBe(c.context);
  });
});

describe('frequency: the site and its context reach the message data', () => {
  it('fills name, context and cost', () => {
    const code = lines(CP, 'export const handler = async (e) => fromTemporaryCredentials({ params: { RoleArn: e.role } });');
    const [site] = analyzeSource(code, 'a.mjs').sites;
    expect(site?.data).toEqual({ name: 'fromTemporaryCredentials', context: 'Lambda handler', cost: 'one AssumeRole call to STS' });
    expect(site?.frequency.kind === 'per-invocation' && site.frequency.because.type).toBe('ArrowFunctionExpression');
  });
});

describe('frequency: caches that do not outlive the call', () => {
  it.each([
    ['a Map created in the handler', lines(CP, 'export function handler(k) { const cache = new Map(); if (!cache.has(k)) cache.set(k, fromIni()); return cache.get(k); }')],
    ['an object created in the handler', lines(CP, 'export function handler(k) { const cache = {}; if (!cache[k]) cache[k] = fromIni(); return cache[k]; }')],
    ['get-miss-set on a local Map', lines(CP, 'export function handler(k) { const cache = new Map(); let p = cache.get(k); if (!p) { p = fromIni(); cache.set(k, p); } return p; }')],
  ])('%s is per invocation', (_name, code) => {
    expect(analyzeSource(code, 'a.mjs').sites.map((s) => s.frequency.kind)).toEqual(['per-invocation']);
  });
});
