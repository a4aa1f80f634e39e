// What users install: the packed file list, the runtime with nothing else installed, and both
// module systems. Runs against dist/, which `npm test` builds before the tests.
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '../..');
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const node = (args: string[], cwd: string): string => execFileSync(process.execPath, args, { cwd, encoding: 'utf8' });

describe('package', () => {
  const isolated = mkdtempSync(join(tmpdir(), 'aws-credentials-runtime-only-'));
  afterAll(() => rmSync(isolated, { recursive: true, force: true }));

  it('packs only what users need', () => {
    const [packed] = JSON.parse(execFileSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { cwd: root, encoding: 'utf8' }));
    const files: string[] = packed.files.map((f: { path: string }) => f.path);
    expect(files).toContain('dist/esm/src/runtime/index.js');
    expect(files).toContain('dist/cjs/src/runtime/index.js');
    expect(files).toContain('dist/esm/src/runtime/index.d.ts');
    expect(files).toContain('dist/esm/src/cli/main.js');
    expect(files).toContain('README.md');
    const unexpected = files.filter((f) => !/^(dist\/|docs\/rules\/|codemods\/[\w-]+\/(index\.cjs|package\.json)$|README\.md$|LICENSE$|package\.json$)/.test(f));
    expect(unexpected).toEqual([]);
    expect(files.some((f) => /\.test\.|__fixtures__|^test\/|^src\//.test(f))).toBe(false);
  });

  it('declares Node >= 20', () => {
    expect(pkg.engines.node).toBe('>=20');
  });

  it('loads ./runtime with no other package installed, from ESM and CommonJS', () => {
    const installed = join(isolated, 'node_modules', pkg.name);
    mkdirSync(installed, { recursive: true });
    cpSync(join(root, 'package.json'), join(installed, 'package.json'));
    cpSync(join(root, 'dist'), join(installed, 'dist'), { recursive: true });
    writeFileSync(join(isolated, 'esm.mjs'), `import { cacheCredentials } from '${pkg.name}/runtime';\nconst p = cacheCredentials(async () => ({ accessKeyId: 'AKID', secretAccessKey: 's' }), { backgroundRefresh: false });\nconsole.log((await p()).accessKeyId, p.memoized);\n`);
    writeFileSync(join(isolated, 'cjs.cjs'), `const { sharedCredentials } = require('${pkg.name}/runtime');\nsharedCredentials('k', () => async () => ({ accessKeyId: 'AKID2', secretAccessKey: 's' }))().then((c) => console.log(c.accessKeyId));\n`);
    expect(node(['esm.mjs'], isolated).trim()).toBe('AKID true');
    expect(node(['cjs.cjs'], isolated).trim()).toBe('AKID2');
  });

  it('serves the ESLint plugin to ESM and CommonJS consumers', () => {
    const esm = node(['--input-type=module', '-e', `import plugin from '${pkg.name}'; console.log(plugin.meta.name, Object.keys(plugin.rules).length > 0, 'recommended' in plugin.configs)`], root);
    const cjs = node(['-e', `const m = require('${pkg.name}'); const plugin = m.default ?? m; console.log(plugin.meta.name, Object.keys(plugin.rules).length > 0, 'recommended' in plugin.configs)`], root);
    expect(esm.trim()).toBe(`${pkg.name} true true`);
    expect(cjs.trim()).toBe(`${pkg.name} true true`);
  });
});
