// The packed tarball in a scratch project, configured with the README's snippet as written: ESLint 9
// and ESLint 10 find a per-request provider in a `.ts` file.
//
// Installing: the tarball is unpacked into the scratch project's node_modules, and each of its
// declared `dependencies` (plus `eslint`) is a symlink into this repository's node_modules. No
// network, no npm cache state, about a second. It still checks what a registry install would: only
// packed files exist, `exports` resolve, and the package's own imports find only what it declares
// (they resolve from the scratch project, where nothing else is installed). Version ranges are the
// lockfile's; `npm ci` already resolved them from the registry.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '../..');
const PLUGIN = 'eslint-plugin-aws-credentials';

/** The first ```js block of the README's "ESLint configuration" section, exactly as users copy it. */
function readmeConfigSnippet(): string {
  const readme = readFileSync(join(root, 'README.md'), 'utf8');
  const section = readme.slice(readme.indexOf('\n## ESLint configuration\n'));
  const match = /```js\n([\s\S]*?)```/.exec(section);
  if (!match) throw new Error('README.md: no ```js block under "## ESLint configuration"');
  return match[1]!;
}

function link(scratch: string, name: string, target: string): void {
  const path = join(scratch, 'node_modules', name);
  mkdirSync(dirname(path), { recursive: true });
  symlinkSync(target, path, 'dir');
}

/** A scratch project with the packed plugin and `eslintPackage` (a folder of node_modules) as `eslint`. */
function scratchProject(tarball: string, eslintPackage: string): string {
  const scratch = mkdtempSync(join(tmpdir(), 'aws-credentials-tarball-'));
  execFileSync('tar', ['-xzf', tarball, '-C', scratch]);
  mkdirSync(join(scratch, 'node_modules'));
  renameSync(join(scratch, 'package'), join(scratch, 'node_modules', PLUGIN));
  const packed = JSON.parse(readFileSync(join(scratch, 'node_modules', PLUGIN, 'package.json'), 'utf8')) as { dependencies: Record<string, string> };
  for (const dependency of Object.keys(packed.dependencies)) link(scratch, dependency, join(root, 'node_modules', dependency));
  link(scratch, 'eslint', join(root, 'node_modules', eslintPackage));
  writeFileSync(join(scratch, 'package.json'), `${JSON.stringify({ name: 'scratch', private: true, type: 'module' }, null, 2)}\n`);
  writeFileSync(join(scratch, 'eslint.config.js'), readmeConfigSnippet());
  mkdirSync(join(scratch, 'src'));
  writeFileSync(
    join(scratch, 'src', 'handler.ts'),
    [
      "import { fromTemporaryCredentials } from '@aws-sdk/credential-providers';",
      '',
      'export const handler = async (event: { roleArn: string }): Promise<unknown> => {',
      '  const credentials = fromTemporaryCredentials({ params: { RoleArn: event.roleArn } });',
      '  return credentials;',
      '};',
      '',
    ].join('\n'),
  );
  return scratch;
}

interface LintResult { filePath: string; messages: { ruleId: string | null; line: number; fatal?: boolean; message: string }[] }

function eslintJson(scratch: string): { status: number | null; results: LintResult[]; stderr: string } {
  const child = spawnSync(process.execPath, [join(scratch, 'node_modules/eslint/bin/eslint.js'), '--format', 'json', 'src'], {
    cwd: scratch,
    encoding: 'utf8',
    timeout: 120_000,
  });
  return { status: child.status, results: child.stdout ? (JSON.parse(child.stdout) as LintResult[]) : [], stderr: child.stderr };
}

describe('the packed tarball, configured from the README', () => {
  let work: string;
  let tarball: string;
  const scratches: string[] = [];
  beforeAll(() => {
    work = mkdtempSync(join(tmpdir(), 'aws-credentials-pack-'));
    // --ignore-scripts: `npm test` has built dist/ already; rebuilding it here would race other test files.
    const [packed] = JSON.parse(execFileSync('npm', ['pack', '--ignore-scripts', '--json', '--pack-destination', work], { cwd: root, encoding: 'utf8' })) as { filename: string }[];
    tarball = join(work, packed!.filename);
  }, 120_000);
  afterAll(() => {
    for (const dir of [work, ...scratches]) rmSync(dir, { recursive: true, force: true });
  });

  it('the README snippet is a complete eslint.config.js using configs.recommended', () => {
    expect(readmeConfigSnippet()).toMatch(/^import .* from 'eslint-plugin-aws-credentials';$/m);
    expect(readmeConfigSnippet()).toContain('awsCredentials.configs.recommended');
  });

  it.each([
    ['9', 'eslint-v9'],
    ['10', 'eslint'],
  ])('ESLint %s finds the per-request provider in src/handler.ts', (major, eslintPackage) => {
    const scratch = scratchProject(tarball, eslintPackage);
    scratches.push(scratch);
    const version = JSON.parse(readFileSync(join(scratch, 'node_modules/eslint/package.json'), 'utf8')).version as string;
    expect(version.split('.')[0]).toBe(major);

    const { status, results, stderr } = eslintJson(scratch);
    expect(stderr).toBe('');
    expect(results.map(result => result.filePath.slice(scratch.length + 1))).toEqual(['src/handler.ts']);
    expect(results[0]!.messages.map(message => [message.ruleId, message.line])).toEqual([['aws-credentials/no-per-request-credential-provider', 4]]);
    expect(status).toBe(1);
  }, 180_000);
});
