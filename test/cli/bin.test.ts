// The built bin (`npm run build` runs before the tests): spawned on a temp git repository.
import { execFileSync, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { git, gitRepo } from './helpers.js';
import { sampleApp } from './sample-app.js';

const ROOT = join(__dirname, '..', '..');
const BIN = join(ROOT, 'dist', 'esm', 'src', 'cli', 'main.js');

function bin(cwd: string, ...args: string[]) {
  const result = spawnSync(process.execPath, [BIN, ...args], { cwd, encoding: 'utf8' });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('dist/esm/src/cli/main.js', () => {
  it('starts with a shebang and prints usage and version', () => {
    expect(readFileSync(BIN, 'utf8').startsWith('#!/usr/bin/env node\n')).toBe(true);
    expect(bin(ROOT, '--help').stdout).toContain('Usage: aws-credentials <command>');
    expect(bin(ROOT, '--version').stdout).toBe(`${JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).version}\n`);
    expect(bin(ROOT, 'nope').code).toBe(2);
  });

  it('scans, then fixes with --vendor-runtime; the vendored runtime loads and caches', async () => {
    const root = gitRepo(sampleApp());
    const scan = bin(root, 'scan', '--json');
    expect(scan.code).toBe(1);
    expect(JSON.parse(scan.stdout).findings.length).toBeGreaterThan(0);

    const fix = bin(root, 'fix', '--vendor-runtime', 'src/aws-credentials-runtime.js');
    expect(fix.stderr).toBe('');
    expect(fix.code).toBe(0);
    expect(fix.stdout).toContain('Runtime vendored to: src/aws-credentials-runtime.js');
    expect(readFileSync(join(root, 'src/handler.ts'), 'utf8')).toMatch(/from '\.\/aws-credentials-runtime(\.js)?'/);
    // TypeScript project files get declarations next to the vendored file only with a tsconfig or .ts rewrites.
    expect(readFileSync(join(root, 'src/aws-credentials-runtime.d.ts'), 'utf8')).toContain('cacheCredentials');
    const runtime = await import(pathToFileURL(join(root, 'src/aws-credentials-runtime.js')).href);
    let calls = 0;
    const provider = runtime.cacheCredentials(async () => ({ accessKeyId: `AKIA${(calls += 1)}`, secretAccessKey: 's' }));
    expect((await provider()).accessKeyId).toBe('AKIA1');
    expect((await provider()).accessKeyId).toBe('AKIA1');
    expect(calls).toBe(1);

    git(root, 'add', '-A');
    git(root, 'commit', '-q', '-m', 'fixed');
    const again = bin(root, 'fix', '--vendor-runtime', 'src/aws-credentials-runtime.js', '--json');
    expect(JSON.parse(again.stdout).filesRewritten).toEqual([]);
    expect(execFileSync('git', ['status', '--porcelain'], { cwd: root, encoding: 'utf8' })).toBe('');
  });
});
