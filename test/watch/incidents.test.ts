// Each incident example under `--import eslint-plugin-aws-credentials/watch`, as the demo runs it:
// before the fix the watch names the identity, counts exactly what the fake AWS served and points
// at the example's source; after `aws-credentials fix` nothing is over budget and the exit code is 0.
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
// @ts-expect-error plain ESM helpers shared with `npm run demo`
import { buildFakeAws, copyExamples, fixCopy, root } from '../../scripts/demo/lib.mjs';
// @ts-expect-error plain ESM helper shared with `npm run demo`
import { runWatched } from '../../scripts/demo/watch.mjs';
import { ensureBuilt } from './run-node.js';

interface Identity { kind: string; identity: string; fetches: number; budget: number; overBudget: boolean; frames: string[] }
interface Watched { sts: number; container: number; scanned: number; watch: { exitCode: number; stderr: string; report: { identities: Identity[] } } }

/**
 * Per example: its source file, the kind of fetch, and how many fetches the fake served.
 * `frames: 'library'`: the example calls a library compiled to generators (aws-msk-iam-sasl-signer-js
 * uses `__awaiter`), where V8's async stack ends; the watch then names the outermost library frame.
 */
const INCIDENTS: Record<string, { source: string; kind: string; identities: RegExp; served: (figures: Watched) => number; frames?: RegExp }> = {
  'kinesis-consumer': { source: 'kinesis-consumer/consumer.mjs', kind: 'sts', identities: /^arn:aws:iam::222222222222:role\/stream-reader$/, served: (f) => f.sts },
  's3-uploader': { source: 's3-uploader/uploader.mjs', kind: 'container', identities: /^http:\/\/127\.0\.0\.1:\d+\/creds$/, served: (f) => f.container },
  'account-scanner': { source: 'account-scanner/scanner.mjs', kind: 'sts', identities: /^arn:aws:iam::1\d{11}:role\/auditor$/, served: (f) => f.sts },
  'kafka-msk': {
    source: 'kafka-msk/consumer.mjs',
    kind: 'sts',
    identities: /^arn:aws:iam::333333333333:role\/orders-consumer$/,
    served: (f) => f.sts,
    frames: /^\(library\) node_modules\/@aws-sdk\/credential-providers\/.*\(Object\.awsCredentialsProvider\)$/,
  },
  'lambda-handler': { source: 'lambda-handler/handler.mjs', kind: 'sts', identities: /^arn:aws:iam::66666666666\d:role\/tenant$/, served: (f) => f.sts },
  'express-api': { source: 'express-api/api.mjs', kind: 'sts', identities: /^arn:aws:iam::444444444444:role\/org-(acme|globex|initech)$/, served: (f) => f.sts },
  'v2-app': { source: 'v2-app/app.cjs', kind: 'sts', identities: /^arn:aws:iam::555555555555:role\/jobs$/, served: (f) => f.sts },
};

let work: string;
const rewritten = (source: string) => readFileSync(join(work, 'examples', source), 'utf8') !== readFileSync(join(root, 'examples', source), 'utf8');

beforeAll(() => {
  ensureBuilt();
  buildFakeAws();
  work = copyExamples();
  fixCopy(work);
}, 180_000);
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('incident examples under the watch', () => {
  for (const [name, incident] of Object.entries(INCIDENTS)) {
    it(`${name}: over budget before the fix, with its identity, count and frames; within budget after, unless fix left it for review`, async () => {
      const before = (await runWatched(join(root, 'examples'), name)) as Watched;
      const identities = before.watch.report.identities;
      expect(identities.length).toBeGreaterThan(0);
      for (const identity of identities) {
        expect(identity.kind).toBe(incident.kind);
        expect(identity.identity).toMatch(incident.identities);
      }
      expect(identities.reduce((sum, identity) => sum + identity.fetches, 0)).toBe(incident.served(before));
      const over = identities.filter((identity) => identity.overBudget);
      expect(over.length).toBeGreaterThan(0);
      for (const identity of over) {
        const expected = incident.frames ?? new RegExp(`^examples/${incident.source.replace(/[.]/g, '\\.')}:\\d+:\\d+`);
        expect(identity.frames.some((frame) => expected.test(frame)), identity.frames.join('\n')).toBe(true);
      }
      if (incident.frames !== undefined) expect(before.watch.stderr).toContain('AWS_CREDENTIALS_WATCH_DEEP=1 follows the async ancestry');
      else expect(before.watch.stderr).not.toContain('AWS_CREDENTIALS_WATCH_DEEP');
      if (name === 'account-scanner') {
        // Three checks per account, one AssumeRole each: every account scanned is over budget.
        expect(over).toHaveLength(before.scanned);
        expect(new Set(over.map((identity) => identity.fetches))).toEqual(new Set([3]));
      }
      expect(before.watch.exitCode).toBe(1);

      const after = (await runWatched(join(work, 'examples'), name)) as Watched;
      expect(after.watch.report.identities.reduce((sum, identity) => sum + identity.fetches, 0)).toBe(incident.served(after));
      if (rewritten(incident.source)) {
        expect(after.watch.report.identities.filter((identity) => identity.overBudget)).toEqual([]);
        expect(after.watch.exitCode).toBe(0);
      } else {
        // `fix` left it for manual review: the watch still fails it.
        expect(after.watch.report.identities.filter((identity) => identity.overBudget).length).toBeGreaterThan(0);
        expect(after.watch.exitCode).toBe(1);
      }
    }, 150_000);
  }
});

describe('deep mode (AWS_CREDENTIALS_WATCH_DEEP=1)', () => {
  it('kafka-msk: the async ancestry leads past the library to the example\'s own line, marked as such; no hint', async () => {
    const before = (await runWatched(join(root, 'examples'), 'kafka-msk', { AWS_CREDENTIALS_WATCH_DEEP: '1' })) as Watched;
    const over = before.watch.report.identities.filter((identity) => identity.overBudget);
    expect(over.map((identity) => identity.identity)).toEqual(['arn:aws:iam::333333333333:role/orders-consumer']);
    expect(over[0]!.fetches).toBe(before.sts);
    // consumer.mjs line 12: `await generateAuthTokenFromRole(…)` inside oauthBearerProvider.
    expect(over[0]!.frames[0]).toMatch(/^\(async ancestry\) examples\/kafka-msk\/consumer\.mjs:12:\d+ \(oauthBearerProvider\)$/);
    expect(before.watch.stderr).toMatch(/OVER BUDGET +\(async ancestry\) examples\/kafka-msk\/consumer\.mjs:12:/);
    expect(before.watch.stderr).not.toContain('AWS_CREDENTIALS_WATCH_DEEP');
    expect(before.watch.exitCode).toBe(1);
  }, 150_000);

  it('lambda-handler: a fetch whose own stack reaches the application keeps its own frames, unmarked', async () => {
    const before = (await runWatched(join(root, 'examples'), 'lambda-handler', { AWS_CREDENTIALS_WATCH_DEEP: '1' })) as Watched;
    const over = before.watch.report.identities.filter((identity) => identity.overBudget);
    expect(over.length).toBeGreaterThan(0);
    for (const identity of over) expect(identity.frames[0]).toMatch(/^examples\/lambda-handler\/handler\.mjs:\d+:\d+/);
  }, 150_000);
});
