// Files that are source by name but not the project's source: dependency and tool folders (even
// when git lists them), files over 1 MiB, minified files. `scan` and `fix` leave them out and name
// each under `skipped` in --json, with one summary line in the text output.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { git, gitRepo } from './helpers.js';
import { cli } from './run-cli.js';
import { HANDLER, sampleApp } from './sample-app.js';

const MINIFIED = `${HANDLER.replace(/\n\s*/g, ' ')}/*${'x'.repeat(1200)}*/\n`;
const LARGE = `${HANDLER}${`// ${'padding '.repeat(15)}\n`.repeat(9000)}`;

function repository(): string {
  return gitRepo({
    ...sampleApp(),
    '.yarn/releases/yarn-4.1.0.cjs': HANDLER,
    '.pnpm-store/v3/files/index.js': HANDLER,
    '.nx/cache/run.js': HANDLER,
    '.turbo/cache/task.js': HANDLER,
    '.svelte-kit/output/server/index.js': HANDLER,
    'infra/cdk.out/asset.1234/index.js': HANDLER,
    'coverage/lcov-report/prettify.js': HANDLER,
    'public/vendor.min.js': HANDLER,
    'src/bundle.js': MINIFIED,
    'src/generated-data.ts': LARGE,
  });
}

const SKIPPED = [
  { file: '.nx/cache/run.js', reason: 'folder' },
  { file: '.pnpm-store/v3/files/index.js', reason: 'folder' },
  { file: '.svelte-kit/output/server/index.js', reason: 'folder' },
  { file: '.turbo/cache/task.js', reason: 'folder' },
  { file: '.yarn/releases/yarn-4.1.0.cjs', reason: 'folder' },
  { file: 'coverage/lcov-report/prettify.js', reason: 'folder' },
  { file: 'dist/handler.js', reason: 'folder' },
  { file: 'infra/cdk.out/asset.1234/index.js', reason: 'folder' },
  { file: 'public/vendor.min.js', reason: 'minified' },
  { file: 'src/bundle.js', reason: 'minified' },
  { file: 'src/generated-data.ts', reason: 'too-large' },
];
const LINE = 'Skipped 11 files that are not source: 8 in a dependency, build or tool folder, 1 over 1 MiB, 2 minified (--json names them).';

describe('files that are not source', () => {
  it('scan leaves them out and names them under skipped, with one line in the text output', async () => {
    const root = repository();
    expect(LARGE.length).toBeGreaterThan(1024 * 1024);
    const json = JSON.parse((await cli(root, 'scan', '--json')).stdout);
    expect(json.skipped).toEqual(SKIPPED);
    expect(json.filesScanned).toBe(4);
    expect(json.findings.map((finding: { file: string }) => finding.file)).toEqual(['src/handler.ts', 'src/manual.ts', 'src/upload.jsx']);
    const text = await cli(root, 'scan');
    expect(text.stdout.split('\n').slice(-3)).toEqual(['3 findings in 3 of 4 files (no-per-request-credential-provider: 2, no-per-request-client: 1).', LINE, '']);
  });

  it('fix leaves them untouched, names them, and a second run changes nothing', async () => {
    const root = repository();
    const first = await cli(root, 'fix', '--json');
    const summary = JSON.parse(first.stdout);
    expect(first.code).toBe(0);
    expect(summary.skipped).toEqual(SKIPPED);
    expect(summary.filesRewritten).toEqual(['src/handler.ts', 'src/upload.jsx']);
    for (const { file } of SKIPPED) expect(git(root, 'diff', '--stat', '--', file)).toBe('');
    expect(readFileSync(join(root, 'src/bundle.js'), 'utf8')).toBe(MINIFIED);
    git(root, 'add', '-A');
    git(root, 'commit', '-q', '-m', 'fixed');
    const second = await cli(root, 'fix');
    expect(second.stdout.split('\n').slice(0, 5)).toEqual(['Files scanned: 4', LINE, 'Findings: 1 (no-per-request-credential-provider: 1)', 'Files rewritten: 0', 'Sites rewritten: 0']);
    expect(git(root, 'status', '--porcelain')).toBe('');
  });
});
