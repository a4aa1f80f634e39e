// The modules a file's project can import: every dependency listed in its nearest package.json
// (dependencies, devDependencies, peer and optional). Fixes may add imports of these only.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

const cache = new Map<string, readonly string[] | undefined>();
/** Folder -> its nearest package.json: linting visits every file of a folder, so each folder is looked up once. */
const manifests = new Map<string, string | undefined>();

function manifestOf(file: string): string | undefined {
  return manifestIn(dirname(resolve(file)));
}

function manifestIn(dir: string): string | undefined {
  if (manifests.has(dir)) return manifests.get(dir);
  const candidate = join(dir, 'package.json');
  const found = existsSync(candidate) ? candidate : dirname(dir) === dir ? undefined : manifestIn(dirname(dir));
  manifests.set(dir, found);
  return found;
}

/** Undefined when no package.json is found (then fixes import only what the file already imports). */
export function projectModules(file: string): readonly string[] | undefined {
  const manifest = manifestOf(file);
  if (!manifest) return undefined;
  if (cache.has(manifest)) return cache.get(manifest);
  let modules: string[] | undefined;
  try {
    const json = JSON.parse(readFileSync(manifest, 'utf8')) as Record<string, unknown>;
    modules = ['dependencies', 'devDependencies', 'peerDependencies', 'optionalDependencies'].flatMap(field =>
      json[field] && typeof json[field] === 'object' ? Object.keys(json[field] as object) : [],
    );
  } catch {
    modules = undefined;
  }
  cache.set(manifest, modules);
  return modules;
}
