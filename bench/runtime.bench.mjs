// Runtime benchmarks, printed as markdown tables. Needs `npm run build` (imports dist) and is
// best run with `node --expose-gc bench/runtime.bench.mjs` (bench/run.mjs does both).
//   1. cached hot path, ns/call: cacheCredentials vs @smithy/property-provider memoize (goal <= 1.0x)
//   2. a simulated hour of the Kinesis incident (17,000 requests/min, 1-hour credentials, injected clock)
//   3. 1,000 concurrent callers on an expired entry: source calls (goal 1)
//   4. memory per sharedCredentials entry at 10,000 keys
//   5. registry at 100,000 entries: a new key (evicting one) per call (goal <= 20 µs), and shrinking to 1
// Tuning: BENCH_ROUNDS (default 9), BENCH_CALLS (hot-path calls per round, default 300000).
import { memoize } from '@smithy/property-provider';
import { cacheCredentials, clearSharedCredentials, configureSharedCredentials, sharedCredentials } from '../dist/esm/src/runtime/index.js';

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 9);
const CALLS = Number(process.env.BENCH_CALLS ?? 300_000);
const HOUR_MS = 3_600_000;
const FIVE_MIN_MS = 300_000;

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};
const fmt = (n) => n.toLocaleString('en-US');

/** Deterministic randomness (mulberry32) so the simulated hour is reproducible. */
function seeded(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The SDK's own expiry rule (@aws-sdk/core): refresh within 5 minutes of expiration. */
const smithyMemo = (source, now = Date.now) =>
  memoize(
    source,
    (credentials) => credentials.expiration !== undefined && credentials.expiration.getTime() - now() < FIVE_MIN_MS,
    (credentials) => credentials.expiration !== undefined,
  );

// ---------------------------------------------------------------------------------------------
// 1. Hot path. One loop function per contender, so each call site stays monomorphic.
async function hotPath() {
  const credentials = { accessKeyId: 'AKIDBENCH', secretAccessKey: 'secret', sessionToken: 'token', expiration: new Date(Date.now() + 12 * HOUR_MS) };
  const source = async () => credentials;
  const ours = cacheCredentials(source, { backgroundRefresh: false });
  const smithy = smithyMemo(source);
  // A key as the codemod writes it: four fields, built anew on every call (as in a request handler).
  const makeKey = () => ({ source: 'fromTemporaryCredentials', roleArn: 'arn:aws:iam::222222222222:role/stream-reader', sessionName: 'bench', region: 'us-east-1' });
  const key = makeKey();
  const factory = () => source;
  const shared = sharedCredentials(key, factory, { backgroundRefresh: false });
  const bare = async () => credentials;
  for (const p of [ours, smithy, shared, bare]) await p();

  const loops = {
    'bare `async () => credentials` (floor)': async (n) => {
      const t = process.hrtime.bigint();
      for (let i = 0; i < n; i++) await bare();
      return Number(process.hrtime.bigint() - t) / n;
    },
    'memoize (@smithy/property-provider)': async (n) => {
      const t = process.hrtime.bigint();
      for (let i = 0; i < n; i++) await smithy();
      return Number(process.hrtime.bigint() - t) / n;
    },
    'cacheCredentials (ours)': async (n) => {
      const t = process.hrtime.bigint();
      for (let i = 0; i < n; i++) await ours();
      return Number(process.hrtime.bigint() - t) / n;
    },
    'sharedCredentials(key, factory)() per call, 4-field key built per call (ours, keyed lookup)': async (n) => {
      const t = process.hrtime.bigint();
      for (let i = 0; i < n; i++) await sharedCredentials(makeKey(), factory)();
      return Number(process.hrtime.bigint() - t) / n;
    },
  };
  const names = Object.keys(loops);
  for (const name of names) await loops[name](Math.min(CALLS, 100_000)); // warm-up (JIT)
  const samples = Object.fromEntries(names.map((name) => [name, []]));
  for (let round = 0; round < ROUNDS; round++) {
    for (let i = 0; i < names.length; i++) {
      const name = names[(i + round) % names.length]; // rotate the order every round
      samples[name].push(await loops[name](CALLS));
    }
  }
  const ns = Object.fromEntries(names.map((name) => [name, median(samples[name])]));
  const ratio = ns['cacheCredentials (ours)'] / ns['memoize (@smithy/property-provider)'];
  const keyed = ns['sharedCredentials(key, factory)() per call, 4-field key built per call (ours, keyed lookup)'];
  const lines = [
    `### Cached hot path (${fmt(CALLS)} awaited calls x ${ROUNDS} interleaved rounds, median, Node ${process.version})`,
    '',
    '| provider | ns/call | vs memoize |',
    '| --- | ---: | ---: |',
    ...names.map((name) => `| ${name} | ${ns[name].toFixed(1)} | ${(ns[name] / ns['memoize (@smithy/property-provider)']).toFixed(2)}x |`),
    '',
    `Goal: cacheCredentials <= 1.0x memoize: ${ratio <= 1.0 ? 'met' : 'NOT met'} (${ratio.toFixed(2)}x).`,
    `Goal: sharedCredentials(key, factory)() <= 500 ns: ${keyed <= 500 ? 'met' : 'NOT met'} (${keyed.toFixed(0)} ns).`,
  ];
  clearSharedCredentials();
  return lines.join('\n');
}

// ---------------------------------------------------------------------------------------------
// 2. The Kinesis incident: 17,000 GetRecords a minute for an hour, 1-hour AssumeRole credentials.
async function simulatedHour() {
  const PER_MINUTE = 17_000;
  const REQUESTS = PER_MINUTE * 60;
  const STEP_MS = 60_000 / PER_MINUTE;
  const T0 = Date.UTC(2026, 0, 1);

  const scenario = async (label, perRequest) => {
    let clock = T0;
    let calls = 0;
    const now = () => clock;
    const source = async () => {
      calls++;
      return { accessKeyId: `ASIA${calls}`, secretAccessKey: 's', sessionToken: 't', expiration: new Date(clock + HOUR_MS) };
    };
    const request = perRequest({ now, source, random: seeded(42) });
    const started = performance.now();
    let expiredServed = 0;
    for (let i = 0; i < REQUESTS; i++) {
      clock = T0 + i * STEP_MS;
      const credentials = await request();
      if (credentials.expiration.getTime() <= clock) expiredServed++;
    }
    clearSharedCredentials();
    return { label, calls, expiredServed, ms: performance.now() - started };
  };

  const rows = [
    await scenario('provider built per request (`memoize(fromTemporaryCredentials-like source)` per request, what a client per request does)', ({ now, source }) => () =>
      smithyMemo(() => source(), now)(),
    ),
    await scenario('memoize (@smithy) built once (SDK default memo, hoisted)', ({ now, source }) => {
      const provider = smithyMemo(source, now);
      return () => provider();
    }),
    await scenario('cacheCredentials built once (ours)', ({ now, source, random }) => {
      const provider = cacheCredentials(source, { now, random, backgroundRefresh: false });
      return () => provider();
    }),
    await scenario('sharedCredentials(key, factory) called per request (ours, codemod `keyed` fix)', ({ now, source, random }) => () =>
      sharedCredentials({ roleArn: 'arn:aws:iam::222222222222:role/stream-reader' }, () => source, { now, random, backgroundRefresh: false })(),
    ),
  ];
  const ours = rows[2].calls;
  return [
    `### A simulated hour of the Kinesis incident (${fmt(REQUESTS)} requests: 17,000/min, 1-hour credentials, injected clock)`,
    '',
    '| credentials | source (AssumeRole) calls | expired credentials served | wall ms |',
    '| --- | ---: | ---: | ---: |',
    ...rows.map((r) => `| ${r.label} | ${fmt(r.calls)} | ${r.expiredServed} | ${r.ms.toFixed(0)} |`),
    '',
    `Goal: 1-2 source calls for ours: ${ours >= 1 && ours <= 2 && rows[3].calls <= 2 ? 'met' : 'NOT met'} (${ours} vs ${fmt(rows[0].calls)} built per request).`,
  ].join('\n');
}

// ---------------------------------------------------------------------------------------------
// 3. A thundering herd: 1,000 callers arrive together on an expired entry.
async function thunderingHerd() {
  const CALLERS = 1_000;
  const T0 = Date.UTC(2026, 0, 1);

  const scenario = async (label, build) => {
    let clock = T0;
    let calls = 0;
    const source = async () => {
      calls++;
      const issued = clock;
      await new Promise((resolve) => setTimeout(resolve, 20)); // a slow STS
      return { accessKeyId: `ASIA${calls}`, secretAccessKey: 's', sessionToken: 't', expiration: new Date(issued + HOUR_MS) };
    };
    const call = build({ now: () => clock, source });
    await call();
    clock += 2 * HOUR_MS; // expired
    const before = calls;
    const results = await Promise.allSettled(Array.from({ length: CALLERS }, () => call()));
    const fresh = results.filter((r) => r.status === 'fulfilled' && r.value.expiration.getTime() > clock).length;
    clearSharedCredentials();
    return { label, calls: calls - before, fresh, failed: results.filter((r) => r.status === 'rejected').length };
  };

  const rows = [
    await scenario('a provider per caller', ({ now, source }) => () => smithyMemo(source, now)()),
    await scenario('memoize (@smithy) shared', ({ now, source }) => {
      const provider = smithyMemo(source, now);
      return () => provider();
    }),
    await scenario('cacheCredentials (ours)', ({ now, source }) => {
      const provider = cacheCredentials(source, { now, backgroundRefresh: false });
      return () => provider();
    }),
  ];
  const ours = rows[2];
  return [
    `### ${fmt(CALLERS)} concurrent callers on an expired entry (20 ms source)`,
    '',
    '| credentials | source calls | callers served fresh credentials | failed |',
    '| --- | ---: | ---: | ---: |',
    ...rows.map((r) => `| ${r.label} | ${fmt(r.calls)} | ${fmt(r.fresh)} | ${r.failed} |`),
    '',
    `Goal: 1 source call for ours: ${ours.calls === 1 && ours.fresh === CALLERS ? 'met' : 'NOT met'} (${ours.calls}).`,
  ].join('\n');
}

// ---------------------------------------------------------------------------------------------
// 4. Memory per registry entry.
async function memoryPerEntry() {
  const KEYS = 10_000;
  if (typeof globalThis.gc !== 'function') return '### Memory per sharedCredentials entry\n\nSkipped: run with `node --expose-gc`.';
  const settle = () => {
    for (let i = 0; i < 3; i++) globalThis.gc();
    return process.memoryUsage().heapUsed;
  };
  configureSharedCredentials({ maxEntries: KEYS * 2 });
  clearSharedCredentials();
  const keys = Array.from({ length: KEYS }, (_, i) => ({ roleArn: `arn:aws:iam::${String(100_000_000_000 + i)}:role/scanner`, sessionName: 'scanner' }));
  const baseline = settle();
  const providers = keys.map((key, i) =>
    sharedCredentials(key, () => async () => ({
      accessKeyId: `ASIA${String(i).padStart(16, '0')}`,
      secretAccessKey: 'x'.repeat(40),
      sessionToken: 't'.repeat(400),
      expiration: new Date(Date.now() + HOUR_MS),
    })),
  );
  const registered = settle();
  await Promise.all(providers.map((p) => p()));
  const populated = settle();
  const perEntry = (registered - baseline) / KEYS;
  const perPopulated = (populated - baseline) / KEYS;
  clearSharedCredentials();
  configureSharedCredentials({ maxEntries: 1_000 });
  return [
    `### Memory per sharedCredentials entry (${fmt(KEYS)} keys, heapUsed delta after gc / ${fmt(KEYS)})`,
    '',
    '| state | bytes/entry | total MB |',
    '| --- | ---: | ---: |',
    `| registered (key, cache, provider, rate limiter) | ${perEntry.toFixed(0)} | ${((registered - baseline) / 1048576).toFixed(1)} |`,
    `| after first call (+ cached credentials with a 400-byte token, resolved promise, refresh timer) | ${perPopulated.toFixed(0)} | ${((populated - baseline) / 1048576).toFixed(1)} |`,
    '',
    'The keys and the sources themselves are created before the baseline and not counted.',
  ].join('\n');
}

// ---------------------------------------------------------------------------------------------
// 5. The registry at 100,000 entries: every new key evicts the least recently used one.
async function registryAtScale() {
  const ENTRIES = 100_000;
  const NEW_KEYS = Number(process.env.BENCH_NEW_KEYS ?? 20_000);
  const factory = () => async () => ({ accessKeyId: 'ASIA', secretAccessKey: 's' });
  const options = { backgroundRefresh: false };
  clearSharedCredentials();
  configureSharedCredentials({ maxEntries: ENTRIES });
  for (let i = 0; i < ENTRIES; i++) sharedCredentials({ roleArn: `arn:aws:iam::${100_000_000_000 + i}:role/scanner` }, factory, options);
  const rounds = [];
  for (let round = 0; round < 3; round++) {
    const t = process.hrtime.bigint();
    for (let i = 0; i < NEW_KEYS; i++) sharedCredentials({ roleArn: `arn:aws:iam::${200_000_000_000 + round * NEW_KEYS + i}:role/scanner` }, factory, options);
    rounds.push(Number(process.hrtime.bigint() - t) / NEW_KEYS / 1000);
  }
  const perNewKey = median(rounds);
  const t = process.hrtime.bigint();
  configureSharedCredentials({ maxEntries: 1 });
  const shrinkMs = Number(process.hrtime.bigint() - t) / 1e6;
  clearSharedCredentials();
  configureSharedCredentials({ maxEntries: 1_000 });
  return [
    `### Registry at ${fmt(ENTRIES)} entries (${fmt(NEW_KEYS)} new keys x 3 rounds, median)`,
    '',
    '| operation | time |',
    '| --- | ---: |',
    `| a new key (one eviction) | ${perNewKey.toFixed(2)} µs |`,
    `| shrink ${fmt(ENTRIES)} -> 1 entry | ${shrinkMs.toFixed(0)} ms |`,
    '',
    `Goal: a new key at ${fmt(ENTRIES)} entries <= 20 µs: ${perNewKey <= 20 ? 'met' : 'NOT met'} (${perNewKey.toFixed(2)} µs).`,
  ].join('\n');
}

const sections = [hotPath, simulatedHour, thunderingHerd, memoryPerEntry, registryAtScale];
const started = performance.now();
const out = [];
for (const section of sections) out.push(await section());
out.push(`_Runtime bench: ${((performance.now() - started) / 1000).toFixed(1)} s._`);
console.log(out.join('\n\n'));
