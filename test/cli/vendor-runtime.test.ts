// The vendored runtime: bundled at build time (esbuild, dts-bundle-generator), copied by the CLI
// with a header. It loads as ESM and CommonJS, caches, imports nothing, and its one .d.ts
// type-checks a consumer.
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { VENDORED_FILES as BUILT_FILES } from '../../scripts/vendor-runtime.mjs';
import { declarationFileFor, VENDOR_MARKER, VENDORED_FILES, vendoredRuntime } from '../../src/cli/vendor-runtime.js';
import { tempDir, writeTree } from './helpers.js';
import { compiledRuntime } from './real-runtime.js';

describe('the vendored runtime', () => {
  it('loads as ESM and CommonJS, imports nothing, and cacheCredentials caches', async () => {
    const esm = vendoredRuntime('esm', compiledRuntime());
    const cjs = vendoredRuntime('cjs', compiledRuntime());
    const out = tempDir();
    writeTree(out, { 'aws-credentials.mjs': esm.code, 'aws-credentials.cjs': cjs.code, 'package.json': '{}' });
    for (const code of [esm.code, cjs.code]) {
      expect(code.startsWith(`// ${VENDOR_MARKER} from eslint-plugin-aws-credentials@`)).toBe(true);
      expect(code).not.toMatch(/^\s*import\s.*from\s/m);
      expect(code).not.toMatch(/require\(['"](?!node:)/);
    }
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
    // ESM can import the CommonJS build's names too (esbuild annotates them for Node).
    const named = (await import(pathToFileURL(join(out, 'aws-credentials.cjs')).href)) as Record<string, unknown>;
    expect(typeof named.sharedCredentials).toBe('function');
  });

  it('has declarations a TypeScript consumer compiles against', () => {
    const out = tempDir();
    const { declarations } = vendoredRuntime('esm', compiledRuntime());
    writeTree(out, {
      'aws-credentials.d.ts': declarations,
      'use.ts': "import { cacheCredentials, sharedCredentials, toV2Credentials, type CachedCredentialProvider } from './aws-credentials.js';\nconst p: CachedCredentialProvider = cacheCredentials(async () => ({ accessKeyId: 'a', secretAccessKey: 'b' }));\nexport const s = sharedCredentials({ role: 'r' }, () => p);\nexport const v = toV2Credentials(p);\n// @ts-expect-error: not a provider\ncacheCredentials(42);\n",
    });
    const program = ts.createProgram([join(out, 'use.ts')], { noEmit: true, strict: true, module: ts.ModuleKind.NodeNext, moduleResolution: ts.ModuleResolutionKind.NodeNext, types: [], lib: ['lib.es2022.d.ts'] });
    expect(ts.getPreEmitDiagnostics(program).map(d => ts.flattenDiagnosticMessageText(d.messageText, '\n'))).toEqual([]);
    expect(declarationFileFor('lib/aws.js')).toBe('lib/aws.d.ts');
    expect(declarationFileFor('lib/aws.mjs')).toBe('lib/aws.d.mts');
    expect(declarationFileFor('lib/aws.cjs')).toBe('lib/aws.d.cts');
  });

  it('names the missing build instead of writing anything', () => {
    const empty = tempDir();
    expect(() => vendoredRuntime('esm', empty)).toThrow(`the built runtime is missing (${join(empty, 'aws-credentials-runtime.mjs')}); build the package (npm run build) or reinstall it`);
    expect(VENDORED_FILES).toEqual(BUILT_FILES);
  });
});
