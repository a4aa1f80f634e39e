// The modules a file's project can import: every dependency listed in its nearest package.json
// (dependencies, devDependencies, peer and optional). Fixes may add imports of these only, plus
// the modules `fix` adds to that package.json itself (`fixableModules`): the rule's suggestions
// and the CLI's rewrite read the same list, so they plan the same edits.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { PROVIDERS_MODULE } from '../analysis/fix-plan/assume-role.js';

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

/** The AWS signer for MSK builds its providers with @aws-sdk/credential-providers itself. */
const MSK_SIGNER = 'aws-msk-iam-sasl-signer-js';

/**
 * Whether `fix` may add @aws-sdk/credential-providers to a project listing `modules`: it calls STS
 * with the SDK v3 (`@aws-sdk/client-sts`, whose range the new entry copies) or signs for MSK with
 * the signer, which is built on that very package.
 */
function canAddProviders(modules: readonly string[]): boolean {
  return modules.includes('@aws-sdk/client-sts') || modules.includes(MSK_SIGNER);
}

/**
 * The modules a fix planned for `file` may import: its project's dependencies, plus
 * @aws-sdk/credential-providers where `fix` adds it to package.json (`canAddProviders`).
 * `addDependencies: false` (`fix --no-package-json`) is the project's list as it is.
 */
export function fixableModules(file: string, addDependencies = true): readonly string[] | undefined {
  const modules = projectModules(file);
  if (!modules || !addDependencies || modules.includes(PROVIDERS_MODULE) || !canAddProviders(modules)) return modules;
  return [...modules, PROVIDERS_MODULE];
}
