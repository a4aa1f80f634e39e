// With --enable-source-maps, the frames name the original source: a TypeScript file compiled with
// an inline source map, run under `--import …/watch` in a child process.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
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

// Deep mode: a library that fetches from a `.then` callback whose promise nobody awaits (the caller
// awaits another one, resolved from a callback, as `__awaiter` does), so V8's async stack has
// nothing of its caller; the application line is found in the async ancestry, then source-mapped.
const LIBRARY = `const { get } = require('node:http');
exports.fetchLater = (uri) => new Promise((resolve) => {
  Promise.resolve().then(() => get(uri, (response) => { response.resume(); response.on('end', resolve); }));
});
`;
const DEEP_SOURCE = `import { fetchLater } from 'later-lib';

interface Options {
  readonly uri: string;
}

const options: Options = { uri: process.env.AWS_CONTAINER_CREDENTIALS_FULL_URI ?? '' };
async function refresh(times: number): Promise<void> {
  for (let i: number = 0; i < times; i++) await fetchLater(options.uri);
}
await refresh(3);
`;
const DEEP_CALL_LINE = DEEP_SOURCE.split('\n').findIndex((line) => line.includes('await fetchLater(')) + 1;

let fake: FakeAws;
let dir: string;

beforeAll(async () => {
  ensureBuilt();
  fake = await startFakeAws({ containerRateLimit: false });
  dir = mkdtempSync(join(tmpdir(), 'aws-credentials-watch-maps-'));
  const { outputText } = ts.transpileModule(SOURCE, { fileName: 'app.ts', compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022, inlineSourceMap: true, inlineSources: true } });
  writeFileSync(join(dir, 'app.mjs'), outputText);
  const deep = ts.transpileModule(DEEP_SOURCE, { fileName: 'deep.ts', compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022, inlineSourceMap: true, inlineSources: true } });
  writeFileSync(join(dir, 'deep.mjs'), deep.outputText);
  mkdirSync(join(dir, 'node_modules/later-lib'), { recursive: true });
  writeFileSync(join(dir, 'node_modules/later-lib/index.js'), LIBRARY);
  writeFileSync(join(dir, 'node_modules/later-lib/package.json'), '{ "name": "later-lib", "main": "index.js" }\n');
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

  it('deep mode: a fetch from a library\'s `.then` is traced through its async ancestry to the TypeScript line', async () => {
    const run = async (deep: boolean) => {
      const file = join(dir, `deep-${deep}.json`);
      const child = await runNode(['--enable-source-maps', '--import', 'eslint-plugin-aws-credentials/watch', join(dir, 'deep.mjs')], {
        ...env(fake, { container: true }),
        AWS_CREDENTIALS_WATCH_JSON: file,
        ...(deep ? { AWS_CREDENTIALS_WATCH_DEEP: '1' } : {}),
      });
      expect(child.status, child.stderr).toBe(0);
      return (JSON.parse(readFileSync(file, 'utf8')) as { identities: { fetches: number; frames: string[] }[] }).identities[0]!;
    };
    const shallow = await run(false);
    expect(shallow.fetches).toBe(3);
    expect(shallow.frames[0]).toMatch(/^\(library\) node_modules\/later-lib\/index\.js:3:\d+/);
    const deep = await run(true);
    expect(deep.frames[0]).toMatch(new RegExp(`^\\(async ancestry\\) .*deep\\.ts:${DEEP_CALL_LINE}:\\d+ \\(refresh\\)$`));
  });
});

