// `--vendor-runtime <file>`: the runtime as one dependency-free file (ESM or CommonJS) plus, for
// TypeScript projects, one .d.ts. They are bundled when the package is built
// (scripts/vendor-runtime.mjs: esbuild and dts-bundle-generator, into dist/vendor) and shipped
// with it; here they are only read and given a header naming the version.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { UsageError } from './files.js';
import { PACKAGE_NAME, packageRoot, packageVersion } from './paths.js';

export const VENDOR_MARKER = 'Vendored by `aws-credentials fix --vendor-runtime`';

/** The built files, as scripts/vendor-runtime.mjs names them. */
export const VENDORED_FILES = { esm: 'aws-credentials-runtime.mjs', cjs: 'aws-credentials-runtime.cjs', declarations: 'aws-credentials-runtime.d.ts' } as const;

/** dist/vendor of the installed package. */
function builtVendorDir(): string {
  return join(packageRoot(), 'dist', 'vendor');
}

function header(format: string): string {
  return [
    `// ${VENDOR_MARKER} from ${PACKAGE_NAME}@${packageVersion()} (${format}).`,
    '// The shared, auto-refreshing AWS credential cache; no dependencies. Do not edit: re-run the',
    '// fix with --vendor-runtime to update it, or depend on the package and import',
    `// '${PACKAGE_NAME}/runtime' instead.`,
    '/* eslint-disable */',
  ].join('\n');
}

export interface VendoredRuntime {
  readonly code: string;
  /** Declarations for TypeScript projects. */
  readonly declarations: string;
}

/** The runtime as one file, read from the built artefacts in `vendorDir` (default dist/vendor). */
export function vendoredRuntime(format: 'esm' | 'cjs', vendorDir: string = builtVendorDir()): VendoredRuntime {
  const codeFile = join(vendorDir, VENDORED_FILES[format]);
  const declarationsFile = join(vendorDir, VENDORED_FILES.declarations);
  for (const file of [codeFile, declarationsFile]) {
    // Named without a stack trace: the install is incomplete, not the code broken.
    if (!existsSync(file)) throw new UsageError(`the built runtime is missing (${file}); build the package (npm run build) or reinstall it`);
  }
  return {
    code: `${header(format)}\n${readFileSync(codeFile, 'utf8')}`,
    declarations: `${header('declarations')}\n${readFileSync(declarationsFile, 'utf8')}`,
  };
}

/** The format a vendored file must have, from its extension and the project's package.json. */
export function vendorFormat(file: string, packageType: 'module' | 'commonjs'): 'esm' | 'cjs' {
  if (file.endsWith('.mjs')) return 'esm';
  if (file.endsWith('.cjs')) return 'cjs';
  return packageType === 'module' ? 'esm' : 'cjs';
}

/** `x.js` -> `x.d.ts`, `x.mjs` -> `x.d.mts`, `x.cjs` -> `x.d.cts`. */
export function declarationFileFor(file: string): string {
  return file.replace(/\.(c|m)?js$/, (_match, kind: string | undefined) => `.d.${kind ?? ''}ts`);
}
