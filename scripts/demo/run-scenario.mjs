// Runs one example app against a fresh fake AWS and prints its figures as one JSON line.
// Usage: node run-scenario.mjs <fake-aws module> <examples root> <scenario>
import { pathToFileURL } from 'node:url';
import { join } from 'node:path';
import { RUNAWAY_MS, SCENARIOS, accountIds } from './scenarios.mjs';

const [fakeModule, root, name] = process.argv.slice(2);
const scenario = SCENARIOS[name];
const { startFakeAws, env } = await import(pathToFileURL(fakeModule).href);
const fake = await startFakeAws(scenario.fake);
// Only 127.0.0.1: every AWS endpoint the SDKs can reach is the fake.
for (const key of Object.keys(process.env)) if (key.startsWith('AWS_')) delete process.env[key];
Object.assign(process.env, env(fake, scenario.env));

const app = await import(pathToFileURL(join(root, scenario.module)).href);
const latencies = [];
let failed = 0;
const timed = async (work) => {
  const start = performance.now();
  try {
    await work();
  } finally {
    latencies.push(performance.now() - start);
  }
};

// A run stopped by the runaway bound reports `stoppedEarly`: no caller mistakes it for a complete one.
const deadline = Date.now() + RUNAWAY_MS;
let stoppedEarly = false;
let requests = 0;
let crashedWorkers = 0;
let denied = 0;
let scanned = 0;

if (name === 'account-scanner') {
  const queue = [...accountIds];
  const isDenied = (error) => /AccessDenied/.test(`${error?.name} ${error?.Code} ${error?.cause?.name} ${error?.message}`);
  const worker = async () => {
    while (queue.length > 0 && !(stoppedEarly ||= Date.now() >= deadline)) {
      const account = queue.shift();
      try {
        for (let check = 0; check < scenario.checksPerAccount; check++) {
          requests++;
          await timed(() => app.checkAccount(account));
        }
        scanned++;
      } catch (error) {
        if (!isDenied(error)) {
          failed++;
          crashedWorkers++; // like the scanner's threads: an unexpected error ends the worker
          return;
        }
        denied++;
      }
    }
  };
  await Promise.all(Array.from({ length: scenario.workers }, worker));
} else {
  let target = app;
  let server;
  if (scenario.http) {
    server = app.createApi().listen(0, '127.0.0.1');
    await new Promise((resolve) => server.once('listening', resolve));
    target = `http://127.0.0.1:${server.address().port}`;
  }
  let next = 0;
  const worker = async () => {
    while (next < scenario.requests && !(stoppedEarly ||= Date.now() >= deadline)) {
      const i = next++;
      requests++;
      await timed(() => scenario.call(target, i)).catch(() => {
        failed++;
      });
    }
  };
  await Promise.all(Array.from({ length: scenario.concurrency }, worker));
  server?.close();
}

latencies.sort((a, b) => a - b);
const p99 = latencies.length ? latencies[Math.min(latencies.length - 1, Math.floor(latencies.length * 0.99))] : 0;
const result = {
  requests,
  sts: fake.calls.assumeRole,
  container: fake.calls.container + fake.calls.containerRejected,
  containerRejected: fake.calls.containerRejected,
  imds: fake.calls.imds,
  failed,
  crashedWorkers,
  scanned,
  denied,
  stoppedEarly,
  p99: Math.round(p99),
};
await fake.close();
process.stdout.write(`${JSON.stringify(result)}\n`);
process.exit(0);
