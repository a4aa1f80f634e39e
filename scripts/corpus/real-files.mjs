// The real-file corpus: JS/TS files of this repository's examples, labelled cases and installed
// packages, collected in a deterministic order (sorted names, sources in the order given, a cap).
// Shared by test/never-crash.test.ts and the lint and codemod benches, so they walk the same way.
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** The AWS SDKs' and neighbouring packages' ES-module sources: application-like code, for the benches. */
export const PACKAGE_MODULE_SOURCES = ['node_modules/@aws-sdk', 'node_modules/@smithy', 'node_modules/aws-sdk/lib', 'node_modules/kafkajs/src', 'node_modules/@typescript-eslint'].map((dir) => ({
  dir,
  ext: /\.m?js$/,
}));

/** Folders that hold a second build of a package's sources (counting them would weigh code twice). */
export const DUPLICATE_BUILD_DIRS = ['dist-cjs', 'dist-types'];

/** Nested copies of dependencies only repeat files; fixtures are not real code. */
const SKIPPED_DIRS = ['node_modules', '__fixtures__'];

function walk(dir, ext, maxBytes, skipDirs, out) {
  let names;
  try {
    names = readdirSync(dir).sort();
  } catch {
    return; // a source that is not installed here contributes nothing
  }
  for (const name of names) {
    const path = join(dir, name);
    const stat = statSync(path);
    if (stat.isDirectory()) {
      if (!skipDirs.includes(name)) walk(path, ext, maxBytes, skipDirs, out);
    } else if (ext.test(name) && stat.size <= maxBytes) {
      out.push(path);
    }
  }
}

/**
 * Absolute paths of up to `cap` files: each source's directory (relative to the repository root)
 * walked in order, keeping names matching its `ext` and files of at most `maxBytes`.
 * `skipDirs` adds directory names never entered (e.g. `dist-cjs`, a second build of the same code).
 */
export function realFiles({ sources, cap, maxBytes, skipDirs = [] }) {
  const files = [];
  for (const { dir, ext } of sources) {
    walk(join(ROOT, dir), ext, maxBytes, [...SKIPPED_DIRS, ...skipDirs], files);
    if (files.length >= cap) break;
  }
  return files.slice(0, cap);
}
