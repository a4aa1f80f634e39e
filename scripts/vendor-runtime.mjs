// Builds the runtime `aws-credentials fix --vendor-runtime` copies into a repository: one
// dependency-free file per module format (esbuild bundles src/runtime) and one .d.ts
// (dts-bundle-generator). The CLI adds the header naming the version when it copies them.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildSync } from 'esbuild';
import { generateDtsBundle } from 'dts-bundle-generator';

export const VENDORED_FILES = { esm: 'aws-credentials-runtime.mjs', cjs: 'aws-credentials-runtime.cjs', declarations: 'aws-credentials-runtime.d.ts' };

/** Writes the three files into `outDir`; `root` is this package's folder. */
export function buildVendoredRuntime(root, outDir) {
  const entry = join(root, 'src', 'runtime', 'index.ts');
  mkdirSync(outDir, { recursive: true });
  for (const format of ['esm', 'cjs']) {
    buildSync({
      entryPoints: [entry],
      outfile: join(outDir, VENDORED_FILES[format]),
      bundle: true,
      platform: 'node',
      target: 'node20',
      format,
      // Anything but node: builtins would be a dependency of the repository it is copied into.
      external: [],
      legalComments: 'none',
      charset: 'utf8',
      logLevel: 'error',
    });
  }
  const [declarations] = generateDtsBundle([{ filePath: entry, output: { noBanner: true } }], { preferredConfigPath: join(root, 'tsconfig.json') });
  writeFileSync(join(outDir, VENDORED_FILES.declarations), declarations);
  return outDir;
}
