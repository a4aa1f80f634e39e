// The runtime flattener: compiled modules in, one dependency-free ESM or CommonJS file (and
// one .d.ts) out, loadable and type-correct. A synthetic runtime here; the real one in fix.test.ts.
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { buildVendoredRuntime, declarationFileFor } from '../../src/cli/vendor-runtime.js';
import { tempDir, writeTree } from './helpers.js';
import { compiledRuntime } from './real-runtime.js';

function syntheticRuntime(): string {
  const root = tempDir('aws-credentials-runtime-');
  writeTree(root, {
    'index.js': "export { cacheCredentials } from './cache.js';\nexport { sharedCredentials as shared } from './shared.js';\nexport * from './types.js';\n",
    'cache.js': "import { setTimeout as delay } from 'node:timers/promises';\nimport { DEFAULT_WINDOW } from './types.js';\nexport function cacheCredentials(provider) {\n  return async () => { await delay(1); return { ...(await provider()), window: DEFAULT_WINDOW }; };\n}\n//# sourceMappingURL=cache.js.map\n",
    'shared.js': "import { cacheCredentials } from './cache.js';\nconst entries = new Map();\nexport function sharedCredentials(key, factory) {\n  if (!entries.has(key)) entries.set(key, cacheCredentials(factory()));\n  return entries.get(key);\n}\n",
    'types.js': 'export const DEFAULT_WINDOW = 300;\n',
    'index.d.ts': "export { cacheCredentials } from './cache.js';\nexport { sharedCredentials as shared } from './shared.js';\nexport * from './types.js';\n",
    'cache.d.ts': "import type { Identity } from './types.js';\nexport declare function cacheCredentials(provider: () => Promise<Identity>): () => Promise<Identity & { window: number }>;\n",
    'shared.d.ts': "import type { Identity } from './types.js';\nexport declare function sharedCredentials(key: string, factory: () => () => Promise<Identity>): () => Promise<Identity>;\n",
    'types.d.ts': 'export interface Identity { accessKeyId: string; secretAccessKey: string }\nexport declare const DEFAULT_WINDOW = 300;\n',
  });
  return root;
}

describe('buildVendoredRuntime', () => {
  it('flattens to ESM and CommonJS that load and behave like the modules', async () => {
    const runtime = syntheticRuntime();
    const out = tempDir();
    const esm = buildVendoredRuntime(runtime, 'esm');
    const cjs = buildVendoredRuntime(runtime, 'cjs');
    writeTree(out, { 'runtime.mjs': esm.code, 'runtime.cjs': cjs.code, 'runtime.d.mts': esm.declarations });
    expect(esm.code).not.toMatch(/from '\.\//);
    expect(esm.code).toContain("import { setTimeout as delay } from 'node:timers/promises';");
    expect(cjs.code).toContain("const { setTimeout: delay } = require('node:timers/promises');");
    const fromEsm = (await import(pathToFileURL(join(out, 'runtime.mjs')).href)) as Record<string, any>;
    const fromCjs = createRequire(join(out, 'x.js'))(join(out, 'runtime.cjs')) as Record<string, any>;
    for (const module of [fromEsm, fromCjs]) {
      expect(Object.keys(module).sort()).toEqual(['DEFAULT_WINDOW', 'cacheCredentials', 'shared']);
      const provider = module.shared('k', () => async () => ({ accessKeyId: 'a', secretAccessKey: 's' }));
      expect(await provider()).toEqual({ accessKeyId: 'a', secretAccessKey: 's', window: 300 });
      expect(module.shared('k', () => undefined)).toBe(provider);
    }
  });

  it('writes declarations that type-check a consumer', () => {
    const out = tempDir();
    const { declarations } = buildVendoredRuntime(syntheticRuntime(), 'esm');
    writeTree(out, {
      'runtime.d.ts': declarations,
      'use.ts': "import { cacheCredentials, shared, DEFAULT_WINDOW, type Identity } from './runtime.js';\nconst p = cacheCredentials(async (): Promise<Identity> => ({ accessKeyId: 'a', secretAccessKey: 'b' }));\nexport const w: number = DEFAULT_WINDOW;\nexport const s = shared('k', () => p);\n",
    });
    const program = ts.createProgram([join(out, 'use.ts')], { noEmit: true, strict: true, module: ts.ModuleKind.NodeNext, moduleResolution: ts.ModuleResolutionKind.NodeNext, types: [], lib: ['lib.es2022.d.ts'] });
    const diagnostics = ts.getPreEmitDiagnostics(program).map(d => ts.flattenDiagnosticMessageText(d.messageText, '\n'));
    expect(diagnostics).toEqual([]);
    expect(declarationFileFor('lib/aws.js')).toBe('lib/aws.d.ts');
    expect(declarationFileFor('lib/aws.mjs')).toBe('lib/aws.d.mts');
    expect(declarationFileFor('lib/aws.cjs')).toBe('lib/aws.d.cts');
  });

  it('refuses what it cannot flatten safely, naming the file', () => {
    const root = tempDir();
    writeTree(root, { 'index.js': "import x from 'left-pad';\nexport const a = x;\n" });
    expect(() => buildVendoredRuntime(root, 'esm')).toThrow(/index\.js:1:1 - cannot vendor the runtime: it imports left-pad/);
    writeTree(root, { 'index.js': "export { a } from './a.js';\nexport { b } from './b.js';\n", 'a.js': 'const x = 1;\nexport const a = x;\n', 'b.js': 'const x = 2;\nexport const b = x;\n' });
    expect(() => buildVendoredRuntime(root, 'esm')).toThrow(/top-level name x is also declared/);
  });
});

describe('the real runtime, vendored', () => {
  it('loads as ESM and CommonJS, and cacheCredentials caches', async () => {
    const runtime = compiledRuntime();
    const out = tempDir();
    const esm = buildVendoredRuntime(runtime, 'esm');
    const cjs = buildVendoredRuntime(runtime, 'cjs');
    writeTree(out, { 'aws-credentials.mjs': esm.code, 'aws-credentials.cjs': cjs.code, 'aws-credentials.d.mts': esm.declarations, 'package.json': '{}' });
    expect(esm.code).not.toMatch(/^import .* from '\.\.?\//m);
    const fromEsm = (await import(pathToFileURL(join(out, 'aws-credentials.mjs')).href)) as Record<string, any>;
    const fromCjs = createRequire(join(out, 'x.js'))(join(out, 'aws-credentials.cjs')) as Record<string, any>;
    for (const module of [fromEsm, fromCjs]) {
      expect(typeof module.cacheCredentials).toBe('function');
      expect(typeof module.sharedCredentials).toBe('function');
      expect(typeof module.toV2Credentials).toBe('function');
      let calls = 0;
      const provider = module.cacheCredentials(async () => {
        calls += 1;
        return { accessKeyId: 'AKIA', secretAccessKey: 'secret', sessionToken: 't', expiration: new Date(Date.now() + 3_600_000) };
      }, { backgroundRefresh: false });
      const [first, second] = [await provider(), await provider()];
      expect(first.accessKeyId).toBe('AKIA');
      expect(second.accessKeyId).toBe('AKIA');
      expect(calls).toBe(1);
      provider.dispose?.();
    }
  });

  it('has declarations a TypeScript consumer compiles against', () => {
    const out = tempDir();
    const { declarations } = buildVendoredRuntime(compiledRuntime(), 'esm');
    writeTree(out, {
      'aws-credentials.d.ts': declarations,
      'use.ts': "import { cacheCredentials, sharedCredentials, toV2Credentials, type CachedCredentialProvider } from './aws-credentials.js';\nconst p: CachedCredentialProvider = cacheCredentials(async () => ({ accessKeyId: 'a', secretAccessKey: 'b' }));\nexport const s = sharedCredentials({ role: 'r' }, () => p);\nexport const v = toV2Credentials(p);\n",
    });
    const program = ts.createProgram([join(out, 'use.ts')], { noEmit: true, strict: true, module: ts.ModuleKind.NodeNext, moduleResolution: ts.ModuleResolutionKind.NodeNext, types: [], lib: ['lib.es2022.d.ts'] });
    expect(ts.getPreEmitDiagnostics(program).map(d => ts.flattenDiagnosticMessageText(d.messageText, '\n'))).toEqual([]);
  });
});
