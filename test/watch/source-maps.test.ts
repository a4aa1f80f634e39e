// With --enable-source-maps, the frames name the original source: a TypeScript file compiled with
// an inline source map, run under `--import …/watch` in a child process.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ts from 'typescript';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { env, startFakeAws, type FakeAws } from '../support/fake-aws/index.js';
import { ensureBuilt, runNode } from './run-node.js';

// Type-only lines vanish from the JavaScript, so its line numbers differ from the source's.
const SOURCE = `import { get } from 'node:http';

interface Options {
  readonly uri: string;
  readonly times: number;
}

type Done = () => void;

function fetchCredentials(options: Options, done: Done): void {
  get(options.uri, (response) => {
    response.resume();
    response.on('end', done);
  });
}

const options: Options = { uri: process.env.AWS_CONTAINER_CREDENTIALS_FULL_URI ?? '', times: 3 };
let left: number = options.times;
const next: Done = () => (left-- > 0 ? fetchCredentials(options, next) : undefined);
next();
`;
const CALL_LINE = SOURCE.split('\n').findIndex((line) => line.includes('get(options.uri')) + 1;

let fake: FakeAws;
let dir: string;

beforeAll(async () => {
  ensureBuilt();
  fake = await startFakeAws({ containerRateLimit: false });
  dir = mkdtempSync(join(tmpdir(), 'aws-credentials-watch-maps-'));
  const { outputText } = ts.transpileModule(SOURCE, { fileName: 'app.ts', compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022, inlineSourceMap: true, inlineSources: true } });
  writeFileSync(join(dir, 'app.mjs'), outputText);
}, 120_000);
afterAll(async () => {
  await fake.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('source maps', () => {
  it('frames point at the TypeScript line when source maps are on', async () => {
    const file = join(dir, 'report.json');
    const child = await runNode(['--enable-source-maps', '--import', 'eslint-plugin-aws-credentials/watch', join(dir, 'app.mjs')], { ...env(fake, { container: true }), AWS_CREDENTIALS_WATCH_JSON: file });
    expect(child.status).toBe(0);
    const [container] = (JSON.parse(readFileSync(file, 'utf8')) as { identities: { fetches: number; frames: string[] }[] }).identities;
    expect(container!.fetches).toBe(3);
    expect(container!.frames[0]).toMatch(new RegExp(`app\\.ts:${CALL_LINE}:\\d+`));
  });
});
