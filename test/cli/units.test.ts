// The CLI's small parts: arguments, unified diff, package.json editing, file listing.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseCliArgs } from '../../src/cli/args.js';
import { unifiedDiff } from '../../src/cli/diff.js';
import { listSourceFiles, UsageError } from '../../src/cli/files.js';
import { relativeSpecifier } from '../../src/rewrite/module-style.js';
import { withDependency } from '../../src/cli/package-json.js';
import { rewriteSource } from '../../src/rewrite/rewrite-source.js';
import { createProgress } from '../../src/cli/progress.js';
import { gitRepo, tempDir, writeTree } from './helpers.js';

describe('parseCliArgs', () => {
  it('parses scan and fix with their options', () => {
    expect(parseCliArgs(['scan', 'src', '--format', 'sarif'])).toMatchObject({ command: 'scan', paths: ['src'], format: 'sarif', config: 'recommended' });
    expect(parseCliArgs(['scan', '--json', '--config', 'strict'])).toMatchObject({ format: 'json', config: 'strict' });
    expect(parseCliArgs(['fix', '--dry-run', '--diff', '--vendor-runtime', 'lib/aws.js', 'a', 'b'])).toMatchObject({
      command: 'fix',
      dryRun: true,
      diff: true,
      vendorRuntime: 'lib/aws.js',
      paths: ['a', 'b'],
      transform: 'all',
    });
    expect(parseCliArgs(['--help'])).toEqual({ command: 'help' });
  });

  it('rejects bad usage with a UsageError', () => {
    for (const argv of [[], ['lint'], ['scan', '--format', 'xml'], ['scan', '--dry-run'], ['fix', '--format', 'json'], ['fix', '--bogus'], ['fix', '--transform', 'nope'], ['fix', '--vendor-runtime', 'x.ts']]) {
      expect(() => parseCliArgs(argv), argv.join(' ')).toThrow(UsageError);
    }
  });
});

describe('unifiedDiff', () => {
  it('prints hunks with context like diff -u', () => {
    const before = ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i', 'j'].join('\n') + '\n';
    const after = ['a', 'b', 'c', 'D', 'e', 'f', 'g', 'h', 'i', 'j', 'k'].join('\n') + '\n';
    expect(unifiedDiff('x.ts', before, after)).toBe(
      // Changes 6 unchanged lines apart share one hunk, as GNU `diff -u` prints them.
      ['--- a/x.ts', '+++ b/x.ts', '@@ -1,10 +1,11 @@', ' a', ' b', ' c', '-d', '+D', ' e', ' f', ' g', ' h', ' i', ' j', '+k', ''].join('\n'),
    );
    expect(unifiedDiff('x.ts', before, before)).toBe('');
    expect(unifiedDiff('new.ts', undefined, 'x\n')).toBe('--- /dev/null\n+++ b/new.ts\n@@ -0,0 +1,1 @@\n+x\n');
  });
});

describe('withDependency', () => {
  const version = '^0.1.0';
  it.each([
    ['2 spaces', '{\n  "name": "app",\n  "dependencies": {\n    "a": "1",\n    "z": "1"\n  }\n}\n'],
    ['4 spaces', '{\n    "name": "app",\n    "dependencies": {\n        "a": "1"\n    }\n}\n'],
    ['tabs', '{\n\t"name": "app",\n\t"dependencies": {\n\t\t"a": "1"\n\t}\n}\n'],
    ['no trailing newline', '{\n  "name": "app",\n  "dependencies": {}\n}'],
    ['CRLF', '{\r\n  "name": "app",\r\n  "dependencies": {\r\n    "a": "1"\r\n  }\r\n}\r\n'],
  ])('keeps %s', (_label, text) => {
    const out = withDependency(text, 'eslint-plugin-aws-credentials', version)!;
    const indent = /\n([ \t]+)"name"/.exec(text)![1]!;
    expect(out).toContain(`\n${indent}"name": "app"`);
    expect(out.endsWith('\n')).toBe(text.endsWith('\n'));
    expect(out.includes('\r\n')).toBe(text.includes('\r\n'));
    expect(JSON.parse(out).dependencies['eslint-plugin-aws-credentials']).toBe(version);
    expect(withDependency(out, 'eslint-plugin-aws-credentials', version)).toBeUndefined();
  });

  it('moves our plugin from devDependencies with its range; leaves any other devDependency alone', () => {
    const text = '{\n  "name": "app",\n  "devDependencies": {\n    "eslint-plugin-aws-credentials": "^0.0.5"\n  }\n}\n';
    const out = withDependency(text, 'eslint-plugin-aws-credentials', version)!;
    expect(out).toBe('{\n  "name": "app",\n  "dependencies": {\n    "eslint-plugin-aws-credentials": "^0.0.5"\n  },\n  "devDependencies": {}\n}\n');
    expect(withDependency(out, 'eslint-plugin-aws-credentials', version)).toBeUndefined();
    expect(withDependency('{\n  "devDependencies": {\n    "@aws-sdk/credential-providers": "^3.1.0"\n  }\n}\n', '@aws-sdk/credential-providers', '^3.0.0')).toBeUndefined();
  });

  it('keeps sorted dependencies sorted and adds the object before devDependencies', () => {
    const sorted = withDependency('{\n  "dependencies": {\n    "a": "1",\n    "z": "1"\n  }\n}\n', 'm', '1')!;
    expect(Object.keys(JSON.parse(sorted).dependencies)).toEqual(['a', 'm', 'z']);
    const added = withDependency('{\n  "name": "x",\n  "devDependencies": {\n    "a": "1"\n  }\n}\n', 'm', '1')!;
    expect(Object.keys(JSON.parse(added))).toEqual(['name', 'dependencies', 'devDependencies']);
    expect(withDependency('{"name":"m"}', 'm', '1')).toBeUndefined();
  });

  it('touches only the dependencies it adds: one-line arrays and other keys stay byte for byte', () => {
    const text = '{\n  "name": "app",\n  "files": ["dist", "lib"],\n  "scripts": { "test": "vitest" },\n  "dependencies": {\n    "a": "1",\n    "z": "1"\n  }\n}\n';
    expect(withDependency(text, 'm', '1')).toBe(text.replace('"a": "1",\n', '"a": "1",\n    "m": "1",\n'));
  });
});

describe('listSourceFiles', () => {
  it('respects .gitignore inside git, skips build output, includes untracked files', () => {
    const root = gitRepo({
      '.gitignore': 'ignored/\n*.gen.ts\n',
      'src/a.ts': '',
      'src/b.gen.ts': '',
      'ignored/c.ts': '',
      'dist/d.js': '',
      'cdk.out/e.js': '',
      'src/types.d.ts': '',
      'README.md': '',
    });
    writeTree(root, { 'src/new.mjs': '', 'node_modules/x/index.js': '' });
    const files = listSourceFiles(root, []).map(file => file.slice(root.length + 1));
    expect(files).toEqual(['src/a.ts', 'src/new.mjs']);
  });

  it('walks outside git, skipping node_modules/dist/build/coverage/.next/cdk.out', () => {
    const root = tempDir();
    writeTree(root, { 'a.js': '', 'lib/b.cjs': '', 'build/c.js': '', 'coverage/d.js': '', '.next/e.js': '', 'node_modules/f.js': '', 'x.txt': '' });
    expect(listSourceFiles(root, []).map(file => file.slice(root.length + 1))).toEqual(['a.js', 'lib/b.cjs']);
    expect(() => listSourceFiles(root, ['missing'])).toThrow(UsageError);
  });
});

describe('relativeSpecifier', () => {
  it('adds the runtime extension for JavaScript and NodeNext, none for bundler resolution', () => {
    const root = tempDir();
    writeTree(root, {
      'next/tsconfig.json': '{ "compilerOptions": { "module": "NodeNext" } }',
      'next/src/a.ts': '',
      'bundler/tsconfig.json': '{ "compilerOptions": { "module": "ESNext", "moduleResolution": "bundler" } }',
      'bundler/src/a.ts': '',
    });
    expect(relativeSpecifier(join(root, 'next/src/a.ts'), join(root, 'next/src/shared.ts'))).toBe('./shared.js');
    expect(relativeSpecifier(join(root, 'bundler/src/a.ts'), join(root, 'bundler/shared.ts'))).toBe('../shared');
    expect(relativeSpecifier(join(root, 'x/a.mjs'), join(root, 'lib/aws.js'))).toBe('../lib/aws.js');
    expect(relativeSpecifier(join(root, 'bundler/src/a.ts'), join(root, 'bundler/lib/aws.cjs'))).toBe('../lib/aws.cjs');
  });
});

describe('progress', () => {
  it('is silent for short runs, plain lines off a TTY, a bar on a TTY', () => {
    let text = '';
    let clock = 0;
    const io = (tty: boolean) => ({ out: () => {}, err: (chunk: string) => void (text += chunk), errIsTTY: tty });
    const short = createProgress(io(false), 10, { enabled: true, now: () => (clock += 10_000) });
    for (let i = 0; i < 10; i += 1) short.tick('f');
    expect(text).toBe('');
    const plain = createProgress(io(false), 300, { enabled: true, now: () => (clock += 1_000) });
    for (let i = 0; i < 300; i += 1) plain.tick('f');
    plain.done();
    expect(text).toMatch(/^aws-credentials: \d+\/300 files \(\d+%\)\n/);
    text = '';
    const bar = createProgress(io(true), 300, { enabled: true, now: () => (clock += 1_000) });
    for (let i = 0; i < 300; i += 1) bar.tick('f');
    bar.done();
    expect(text).toContain('\r[##############################] 300/300 files\n');
  });
});

describe('unifiedDiff without a trailing newline', () => {
  it('marks the side that lacks it', () => {
    expect(unifiedDiff('f', 'a', 'b\n')).toBe('--- a/f\n+++ b/f\n@@ -1,1 +1,1 @@\n-a\n\\ No newline at end of file\n+b\n');
    expect(unifiedDiff('f', 'a\nb', 'a\nc')).toBe('--- a/f\n+++ b/f\n@@ -1,2 +1,2 @@\n a\n-b\n\\ No newline at end of file\n+c\n\\ No newline at end of file\n');
  });
});

describe('rewriteSource imports (what package.json must provide, read from the analysis\' own parses)', () => {
  it('lists the modules the input and the output take values from; type-only and side-effect imports do not count', () => {
    const input = [
      "import type { Credentials } from '@aws-sdk/types';",
      "import '@aws-sdk/polyfill';",
      "import { S3Client, type S3ClientConfig } from '@aws-sdk/client-s3';",
      "import { fromIni } from '@aws-sdk/credential-providers';",
      "const { cfg } = require('./config');",
      "app.get('/', () => new S3Client({ credentials: fromIni({ profile: 'p' }) }));",
      '',
    ].join('\n');
    const result = rewriteSource(input, '/tmp/a.ts', { rules: ['no-per-request-credential-provider'], crossFile: false });
    expect(result.changed).toBe(true);
    expect([...result.imports.before].sort()).toEqual(['./config', '@aws-sdk/client-s3', '@aws-sdk/credential-providers']);
    expect([...result.imports.after].sort()).toEqual(['./config', '@aws-sdk/client-s3', '@aws-sdk/credential-providers', 'eslint-plugin-aws-credentials/runtime']);
  });
});
