// `node --import …/watch`, `node -r …/watch` and NODE_OPTIONS, in real child processes against the
// fake AWS of this process: the exit table, AWS_CREDENTIALS_WATCH_JSON, =fail and =off.
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { env, startFakeAws, type FakeAws } from '../support/fake-aws/index.js';
import { ensureBuilt, runNode } from './run-node.js';
import { WEB_IDENTITY_TOKEN, secretsIn } from './support.js';

const ESM_APP = 'test/watch/fixtures/app.mjs';
const CJS_APP = 'test/watch/fixtures/app.cjs';
const WATCH = 'eslint-plugin-aws-credentials/watch';
let fake: FakeAws;
let dir: string;
let childEnv: Record<string, string>;

beforeAll(async () => {
  ensureBuilt();
  fake = await startFakeAws({ containerRateLimit: false });
  dir = mkdtempSync(join(tmpdir(), 'aws-credentials-watch-test-'));
  childEnv = env(fake, { container: true });
}, 120_000);
afterAll(async () => {
  await fake.close();
  rmSync(dir, { recursive: true, force: true });
});

const readJson = (file: string) => JSON.parse(readFileSync(file, 'utf8')) as { identities: { kind: string; identity: string; fetches: number; budget: number; overBudget: boolean; frames: string[] }[] };

describe('entry points', () => {
  it('ESM --import: the table on stderr names the endpoint, the count and the app frame; exit code unchanged', async () => {
    const child = await runNode(['--import', WATCH, ESM_APP], { ...childEnv, FETCHES: '5' });
    expect(child.status).toBe(0);
    expect(child.stderr).toContain('aws-credentials watch: 5 credential fetches for 1 identity; 1 over budget');
    expect(child.stderr).toMatch(new RegExp(`container +${fake.containerUri} +5 .*OVER BUDGET +test/watch/fixtures/app\\.mjs:\\d+:\\d+`));
  });

  it('CommonJS -r with AWS_CREDENTIALS_WATCH=fail: exit 1 and the JSON file', async () => {
    const file = join(dir, 'cjs.json');
    const child = await runNode(['-r', WATCH, CJS_APP], { ...childEnv, FETCHES: '4', AWS_CREDENTIALS_WATCH: 'fail', AWS_CREDENTIALS_WATCH_JSON: file });
    expect(child.status).toBe(1);
    const [container] = readJson(file).identities;
    expect(container).toMatchObject({ kind: 'container', identity: fake.containerUri, fetches: 4, budget: 2, overBudget: true });
    expect(container!.frames[0]).toMatch(/^test\/watch\/fixtures\/app\.cjs:\d+:\d+/);
  });

  it('NODE_OPTIONS, within budget: exit 0 under =fail', async () => {
    const file = join(dir, 'node-options-%p.json');
    const child = await runNode([ESM_APP], { ...childEnv, FETCHES: '1', NODE_OPTIONS: `--import ${WATCH}`, AWS_CREDENTIALS_WATCH: 'fail', AWS_CREDENTIALS_WATCH_JSON: file });
    expect(child.status).toBe(0);
    expect(child.stderr).toContain('none over budget');
    const written = readdirSync(dir).filter((name) => name.startsWith('node-options-'));
    expect(written).toHaveLength(1);
    expect(readJson(join(dir, written[0]!)).identities).toMatchObject([{ kind: 'container', fetches: 1, overBudget: false }]);
  });

  it('AWS_CREDENTIALS_WATCH=off: nothing printed, nothing written, exit 0', async () => {
    const file = join(dir, 'off.json');
    const child = await runNode(['--import', WATCH, ESM_APP], { ...childEnv, FETCHES: '5', AWS_CREDENTIALS_WATCH: 'off', AWS_CREDENTIALS_WATCH_JSON: file });
    expect(child.status).toBe(0);
    expect(child.stderr).not.toContain('aws-credentials watch');
    expect(existsSync(file)).toBe(false);
  });

  it('a web-identity token, secret keys and session tokens never appear in stderr or the JSON file (bytes)', async () => {
    const file = join(dir, 'web.json');
    fake.reset();
    const child = await runNode(['--import', WATCH, 'test/watch/fixtures/web-identity.mjs'], { ...childEnv, WEB_IDENTITY_TOKEN, AWS_CREDENTIALS_WATCH_JSON: file });
    expect(child.status).toBe(0);
    expect(fake.calls.assumeRole).toBe(3);
    const bytes = Buffer.concat([Buffer.from(child.stdout), Buffer.from(child.stderr), readFileSync(file)]).toString('latin1');
    expect(readJson(file).identities).toMatchObject([{ kind: 'sts', identity: 'arn:aws:iam::777777777777:role/web', fetches: 3, overBudget: true }]);
    expect(secretsIn(bytes, fake)).toEqual([]);
  });

  it('deep mode off installs no async hook: promises stay untracked, as without the watch; on, they are tracked until stop()', async () => {
    const probe = async (args: string[], extra: Record<string, string> = {}) => {
      const child = await runNode([...args, 'test/watch/fixtures/promise-tracking.mjs'], { ...childEnv, ...extra });
      expect(child.status, child.stderr).toBe(0);
      return JSON.parse(child.stdout.trim()) as { loaded: boolean; started?: boolean; stopped?: boolean };
    };
    expect(await probe([])).toEqual({ loaded: false });
    expect(await probe(['--import', WATCH])).toEqual({ loaded: false });
    expect(await probe(['-r', WATCH])).toEqual({ loaded: false });
    expect(await probe(['--import', WATCH], { AWS_CREDENTIALS_WATCH_DEEP: '0' })).toEqual({ loaded: false });
    expect(await probe(['--import', WATCH], { AWS_CREDENTIALS_WATCH_DEEP: '1' })).toEqual({ loaded: true });
    // The programmatic option, in a process whose watch is off until the test starts it.
    expect(await probe([], { PROGRAMMATIC: 'deep' })).toEqual({ loaded: false, started: true, stopped: false });
  });
});

