// What the CLI reads and how: JavaScript parsed the way Node loads it (no false parse errors),
// --ignore globs, .gitignore outside git, the project's ESLint ignores, per-command help,
// progress for scan, missing paths named as given.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { listSourceFiles } from '../../src/cli/files.js';
import { parseSource } from '../../src/analysis/parse.js';
import { gitRepo, tempDir, writeTree } from './helpers.js';
import { cli } from './run-cli.js';
import { HANDLER, sampleApp } from './sample-app.js';

const COMMONJS_RETURN = "const config = require('./config');\nif (!config.enabled) return;\nmodule.exports = { run: () => config };\n";
const SLOPPY_SCRIPT = 'var mode = 010;\nfunction area(r, { scale }) {\n  with (Math) {\n    return PI * r * r * scale;\n  }\n}\nwindow.area = area;\n';
const COMMONJS_FINDING = `const { fromIni } = require('@aws-sdk/credential-providers');
if (process.env.DISABLED) return;
exports.handler = async (event, context) => {
  const credentials = fromIni({ profile: 'dev' });
  return credentials();
};
`;

describe('JavaScript that Node runs is not a parse error', () => {
  it('scan: top-level return in CommonJS (.js and .cjs) and a sloppy-mode browser script exit 0', async () => {
    const root = gitRepo({
      'lib/a.js': COMMONJS_RETURN,
      'lib/b.cjs': COMMONJS_RETURN,
      'public/legacy.js': SLOPPY_SCRIPT,
      'lib/c.mjs': 'export const x = (a, [b]) => a + b;\n',
      'lib/d.js': 'export function f(a, { b = 1 }, ...rest) {\n  return a + b + rest.length;\n}\n',
    });
    const { code, stdout } = await cli(root, 'scan');
    expect(stdout).toBe('No findings in 5 files.\n');
    expect(code).toBe(0);
  });

  it('scan and fix still find and rewrite in a CommonJS file with a top-level return, and in a sloppy script', async () => {
    const root = gitRepo({ 'package.json': '{ "name": "app" }\n', 'handler.js': COMMONJS_FINDING, 'legacy.js': `var mode = 010;\n${COMMONJS_FINDING}` });
    const scan = await cli(root, 'scan', '--json');
    expect(JSON.parse(scan.stdout).findings).toEqual([expect.objectContaining({ file: 'handler.js', line: 4 }), expect.objectContaining({ file: 'legacy.js', line: 5 })]);
    const fix = await cli(root, 'fix', '--json', '--dry-run');
    expect(JSON.parse(fix.stdout)).toMatchObject({ filesRewritten: ['handler.js', 'legacy.js'], errors: [] });
  });

  it('a real syntax error is still one, with its line, and .mjs stays strict', async () => {
    const root = gitRepo({ 'a.js': "const { S3Client } = require('@aws-sdk/client-s3');\nconst = 1;\n", 'b.mjs': "import { S3Client } from '@aws-sdk/client-s3';\nreturn;\n" });
    const { code, stdout } = await cli(root, 'scan');
    expect(code).toBe(2);
    expect(stdout).toMatch(/^a\.js:2:\d+ parse-error /m);
    expect(stdout).toMatch(/^b\.mjs:2:\d+ parse-error /m);
    expect(() => parseSource(SLOPPY_SCRIPT, 'legacy.js')).not.toThrow();
    expect(() => parseSource(SLOPPY_SCRIPT, 'legacy.mjs')).toThrow(/legacy\.mjs:1:\d+ - cannot parse/);
    expect(() => parseSource(SLOPPY_SCRIPT, 'legacy.ts')).toThrow(/cannot parse/);
  });
});

describe('which files', () => {
  it('--ignore skips files and folders by glob, repeatable, for scan and fix', async () => {
    const root = gitRepo({ ...sampleApp(), 'legacy/old.ts': HANDLER, 'src/gen/a.generated.ts': HANDLER });
    const { stdout } = await cli(root, 'scan', '--json', '--ignore', 'legacy', '--ignore', '**/*.generated.ts');
    const files = JSON.parse(stdout).findings.map((finding: { file: string }) => finding.file);
    expect(files).toContain('src/handler.ts');
    expect(files.some((file: string) => file.startsWith('legacy/') || file.includes('generated'))).toBe(false);
    const fix = JSON.parse((await cli(root, 'fix', '--json', '--dry-run', '--ignore', 'legacy/**', '--ignore', 'src/gen/')).stdout);
    expect(fix.filesRewritten).toContain('src/handler.ts');
    expect(fix.filesRewritten.some((file: string) => file.startsWith('legacy/') || file.startsWith('src/gen/'))).toBe(false);
  });

  it('reads .gitignore files outside git, each for its own folder', () => {
    const root = tempDir();
    writeTree(root, {
      '.gitignore': '*.gen.js\nout/\n',
      'a.js': '',
      'b.gen.js': '',
      'out/c.js': '',
      'pkg/.gitignore': 'local.js\n!keep.gen.js\n',
      'pkg/local.js': '',
      'pkg/keep.js': '',
      'other/local.js': '',
    });
    expect(listSourceFiles(root, []).map(file => file.slice(root.length + 1))).toEqual(['a.js', 'other/local.js', 'pkg/keep.js']);
  });

  it("skips the global ignores of the project's eslint.config.js", async () => {
    const root = gitRepo({
      ...sampleApp(),
      'eslint.config.js': "export default [{ ignores: ['legacy/**', 'src/manual.ts'] }, { files: ['**/*.ts'], ignores: ['src/handler.ts'], rules: {} }];\n",
      'legacy/old.ts': HANDLER,
    });
    const { stdout, stderr } = await cli(root, 'scan', '--json');
    expect(stderr).toBe('');
    const files = new Set(JSON.parse(stdout).findings.map((finding: { file: string }) => finding.file));
    expect(files.has('src/handler.ts')).toBe(true); // a non-global `ignores` does not skip files
    expect(files.has('src/manual.ts')).toBe(false);
    expect(files.has('legacy/old.ts')).toBe(false);
  });

  it('names an eslint config it cannot load, and goes on', async () => {
    const root = gitRepo({ ...sampleApp(), 'eslint.config.js': "import nope from 'not-installed-plugin';\nexport default [nope];\n" });
    const { code, stderr } = await cli(root, 'scan');
    expect(code).toBe(1);
    expect(stderr).toMatch(/eslint\.config\.js: cannot load it .*; its ignores are not applied/);
  });

  it('prints a missing path as given: relative stays relative, absolute stays absolute', async () => {
    const root = tempDir();
    const absolute = join(tempDir(), 'missing');
    expect((await cli(root, 'scan', 'nope/src')).stderr).toContain('no such file or folder: nope/src\n');
    expect((await cli(root, 'scan', absolute)).stderr).toContain(`no such file or folder: ${absolute}\n`);
  });

  it('names files outside the working directory by their absolute path', async () => {
    const elsewhere = tempDir();
    writeTree(elsewhere, { 'handler.ts': HANDLER });
    const { stdout } = await cli(tempDir(), 'scan', join(elsewhere, 'handler.ts'));
    expect(stdout).toMatch(new RegExp(`^${join(elsewhere, 'handler.ts').replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:\\d+:\\d+ no-per-request-credential-provider `, 'm'));
  });
});

describe('help and progress', () => {
  it('prints each command its own help', async () => {
    const scan = await cli(tempDir(), 'scan', '--help');
    const fix = await cli(tempDir(), 'fix', '--help');
    const general = await cli(tempDir(), '--help');
    expect(scan.stdout).toMatch(/^Usage: aws-credentials scan /);
    expect(scan.stdout).toContain('--changed-since');
    expect(scan.stdout).not.toContain('--dry-run');
    expect(fix.stdout).toMatch(/^Usage: aws-credentials fix /);
    expect(fix.stdout).toContain('--dry-run');
    expect(fix.stdout).not.toContain('--changed-since');
    expect(general.stdout).toContain('aws-credentials <command> --help');
    expect((await cli(tempDir(), 'help', 'fix')).stdout).toBe(fix.stdout);
    const misuse = await cli(tempDir(), 'fix', '--format', 'json');
    expect(misuse.code).toBe(2);
    expect(misuse.stderr).toContain('Usage: aws-credentials fix ');
  });

  it('scan shows progress on stderr when asked, never on stdout', async () => {
    const files: Record<string, string> = {};
    for (let index = 0; index < 210; index += 1) files[`src/m${String(index).padStart(3, '0')}.js`] = `export const v${index} = ${index};\n`;
    const root = tempDir();
    writeTree(root, files);
    const quiet = await cli(root, 'scan', '--format', 'sarif');
    expect(quiet.stderr).toBe('');
    const asked = await cli(root, 'scan', '--format', 'sarif', '--progress');
    expect(JSON.parse(asked.stdout).version).toBe('2.1.0');
    // Off a terminal: a line at the start, every few seconds, and at the end.
    expect(asked.stderr).toMatch(/^aws-credentials: 0\/210 files \(0%\)\n/);
    expect(asked.stderr).toMatch(/aws-credentials: 210\/210 files \(100%\)\n$/);
  });
});
