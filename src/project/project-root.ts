// A file's project root: the folder of its nearest package.json. Paths shown in messages and the
// test/script conventions (`test/`, `scripts/`) are relative to it.
import { existsSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';

const roots = new Map<string, string | null>();

export function projectRootOf(file: string): string | undefined {
  const start = dirname(file);
  const known = roots.get(start);
  if (known !== undefined) return known ?? undefined;
  let found: string | undefined;
  for (let dir = start; ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'package.json'))) {
      found = dir;
      break;
    }
    if (dirname(dir) === dir) break;
  }
  roots.set(start, found ?? null);
  return found;
}

/** The file's path inside its project, `/`-separated; the path itself when it has no project. */
export function projectPathOf(file: string): string {
  const root = projectRootOf(file);
  return root ? relative(root, file).split('\\').join('/') : file;
}
