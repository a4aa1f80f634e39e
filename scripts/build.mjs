// Builds dist/esm (ESM + .d.ts) and dist/cjs (CommonJS) from the same sources with tsc, and
// dist/vendor: the runtime bundled into one file per module format for `fix --vendor-runtime`.
import { execFileSync } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { buildVendoredRuntime } from './vendor-runtime.mjs';

const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
const run = (args) => execFileSync(process.execPath, [tsc, ...args], { stdio: 'inherit' });

rmSync('dist', { recursive: true, force: true });
run(['-p', 'tsconfig.build.json']);
run(['-p', 'tsconfig.build.json', '--module', 'commonjs', '--moduleResolution', 'node10', '--declaration', 'false', '--noCheck', '--outDir', 'dist/cjs']);
for (const [dir, type] of [['dist/esm', 'module'], ['dist/cjs', 'commonjs']]) {
  mkdirSync(dir, { recursive: true });
  writeFileSync(`${dir}/package.json`, JSON.stringify({ type }) + '\n');
}
buildVendoredRuntime(process.cwd(), 'dist/vendor');
