// Watch overhead, printed as markdown tables. Needs `npm run build` (imports dist).
//   1. 10,000 sequential keep-alive HTTP requests to a local server, with and without the watch,
//      for ordinary requests (node:http GET; fetch, i.e. undici, GET and POST with a JSON body) and
//      recognised credential requests (IMDS path):
//      one role fetched over and over (the incident: a stack captured for 25 fetches, then none),
//      and 400 roles in turn, 25 fetches each (23 over budget, of which the 1st, 2nd, 4th, 8th and
//      16th capture a stack: the heaviest shape for the watch)
//   2. the client side alone (http.request + end on an in-memory socket), where the watch's share
//      is not lost in network noise
//   3. the same in deep mode (AWS_CREDENTIALS_WATCH_DEEP=1: an async_hooks init hook, a stack
//      capture per async resource created), against no watch, in the same run
//   4. the per-request decision alone, ns per ordinary request
// Each measurement runs in its own child process, watched or not from the start (switching the
// watch on and off inside one process would deoptimise the request path and bill it to the watch);
// the two kinds alternate, ROUNDS times, and the medians of the process's CPU time per request
// (client and server both in the child) are compared: CPU time is steadier than wall time on a
// shared machine. Tuning: BENCH_ROUNDS (default 5), BENCH_REQUESTS (default 10000).
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5);
const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 10_000);
const GOAL_US = 20;
const SELF = fileURLToPath(import.meta.url);

const SCENARIOS = {
  'node:http, ordinary GET': ['http', '/items/1'],
  'fetch (undici), ordinary GET': ['fetch', '/items/1'],
  'fetch (undici), ordinary POST, JSON body': ['fetchPost', '/items'],
  'node:http, IMDS credentials path, one role (recognised, Expiration read)': ['http', '/latest/meta-data/iam/security-credentials/role'],
  'node:http, IMDS credentials path, 400 roles in turn (recognised, 5 of each role\'s 25 fetches capture a stack)': ['http', '/latest/meta-data/iam/security-credentials/role-{role}'],
  'in-memory socket, ordinary GET': ['memory', '/items/1'],
  'in-memory socket, IMDS credentials path (recognised)': ['memory', '/latest/meta-data/iam/security-credentials/role'],
  'deep mode: node:http, ordinary GET': ['http', '/items/1', 'deep'],
  'deep mode: fetch, ordinary GET': ['fetch', '/items/1', 'deep'],
  'deep mode: node:http, IMDS credentials path, one role': ['http', '/latest/meta-data/iam/security-credentials/role', 'deep'],
  'deep mode: in-memory socket, ordinary GET': ['memory', '/items/1', 'deep'],
  'deep mode: in-memory socket, ordinary GET behind 20 nested application awaits': ['awaits', '/items/1', 'deep'],
};

if (process.argv[2] === '--child') await child(process.argv[3], process.argv[4], process.argv[5]);
else await main();

async function main() {
  const median = (values) => {
    const sorted = [...values].sort((a, b) => a - b);
    const mid = sorted.length >> 1;
    return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
  };
  const measure = (client, path, mode) => Number(execFileSync(process.execPath, [SELF, '--child', client, path, mode], { encoding: 'utf8', env: { ...process.env, BENCH_REQUESTS: String(REQUESTS) } }).trim());
  const rows = [];
  for (const [label, [client, path, mode = 'watch']] of Object.entries(SCENARIOS)) {
    const without = [];
    const watched = [];
    for (let round = 0; round < ROUNDS; round++) {
      without.push(measure(client, path, 'none'));
      watched.push(measure(client, path, mode));
    }
    const base = median(without);
    const withWatch = median(watched);
    rows.push(`| ${label} | ${base.toFixed(1)} | ${withWatch.toFixed(1)} | ${(withWatch - base).toFixed(1)} | ${(withWatch / base).toFixed(3)}x |`);
  }
  const { classify } = await import('../dist/esm/src/watch/classify.js');
  const ordinary = { method: 'GET', origin: 'https://bucket.s3.us-east-1.amazonaws.com', path: '/key?x-id=GetObject', header: () => undefined };
  const CALLS = 1_000_000;
  for (let i = 0; i < CALLS; i++) classify(ordinary);
  const started = performance.now();
  for (let i = 0; i < CALLS; i++) classify(ordinary);
  const decisionNs = ((performance.now() - started) * 1e6) / CALLS;
  console.log(
    [
      `### Watch overhead: ${REQUESTS.toLocaleString('en-US')} sequential requests to 127.0.0.1 per process, median of ${ROUNDS} processes each way (goal < ${GOAL_US} µs/request)`,
      '',
      '| requests | CPU µs/request, no watch | CPU µs/request, watch | overhead µs | ratio |',
      '| --- | ---: | ---: | ---: | ---: |',
      ...rows,
      '',
      `Per-request decision for an ordinary request, without the network: ${decisionNs.toFixed(0)} ns.`,
      'On a shared machine differences of a few µs between processes are noise.',
    ].join('\n'),
  );
}

async function child(client, requestPath, mode) {
  let path = requestPath;
  const { createServer, request, Agent } = await import('node:http');
  const { Duplex } = await import('node:stream');
  if (mode !== 'none') (await import('../dist/esm/src/watch/watch.js')).createCredentialWatch({ deep: mode === 'deep' });
  const server = createServer((req, res) => {
    req.resume();
    res.end('{"Code":"Success","Expiration":"2099-01-01T00:00:00Z"}');
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${server.address().port}`;
  const agent = new Agent({ keepAlive: true, maxSockets: 1 });
  const memorySocket = () => new Duplex({ read() {}, write(_chunk, _encoding, done) { done(); } });
  const calls = {
    http: () =>
      new Promise((resolve, reject) => {
        const req = request(`${origin}${path}`, { agent }, (res) => {
          res.resume();
          res.on('end', resolve);
        });
        req.on('error', reject);
        req.end();
      }),
    fetch: async () => {
      await (await fetch(`${origin}${path}`)).text();
    },
    fetchPost: async () => {
      await (await fetch(`${origin}${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"id":1,"name":"item"}' })).text();
    },
    memory: async () => {
      const req = request({ host: 'api.example.com', path, createConnection: memorySocket });
      req.on('error', () => {});
      req.end();
      await new Promise((resolve) => setImmediate(resolve));
      req.destroy();
    },
    // An SDK's middleware stack in miniature: each layer an async function awaiting the next.
    awaits: () => nested(20),
  };
  const nested = async (depth) => (depth === 0 ? calls.memory() : await nested(depth - 1));
  const count = Number(process.env.BENCH_REQUESTS ?? 10_000);
  // `{role}`: count / 25 roles in turn, so each is fetched 25 times; the warm-up uses other roles.
  const roles = Math.max(1, Math.floor(count / 25));
  const template = path;
  const call = (i, prefix = '') => {
    path = template.replace('{role}', `${prefix}${i % roles}`);
    return calls[client]();
  };
  for (let i = 0; i < 2_000; i++) await call(i, 'warm-'); // warm-up: sockets, JIT
  const started = process.cpuUsage();
  for (let i = 0; i < count; i++) await call(i);
  const used = process.cpuUsage(started);
  agent.destroy();
  server.close();
  console.log(((used.user + used.system) / count).toFixed(2));
  process.exit(0);
}
