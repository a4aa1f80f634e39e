// The package.json edits `fix` makes: the runtime package goes into the nearest package.json of
// each file whose final text imports it (and nowhere else), and @aws-sdk/credential-providers
// where a rewrite (AssumeRole, a client's shared default chain, the MSK signer) now imports it and
// the package does not depend on it yet.
import { readFileSync } from 'node:fs';
import { PROVIDERS_MODULE } from '../analysis/fix-plan/assume-role.js';
import { meta } from '../index.js';
import { nearestPackageJson, withDependency } from './package-json.js';

/** What one written file imports, as the planner knows it (`RewriteResult.imports`, the shared-module step). */
export interface ImportChange {
  readonly file: string;
  /** Undefined for a new file (the shared module). */
  readonly before: ReadonlySet<string> | undefined;
  readonly after: ReadonlySet<string>;
}

/** A package.json edit. */
export interface SourceChange {
  readonly file: string;
  readonly before: string;
  readonly after: string;
}

/**
 * Our own version for the runtime; for an SDK package, the range the project gives its other
 * @aws-sdk packages (client-sts first, else the range most of them use, the first by name on a
 * tie), else ^3.0.0: the v3 packages are released together, so one range fits them all.
 */
function rangeFor(manifestText: string, name: string): string {
  if (name === meta.name) return `^${meta.version}`;
  const manifest = JSON.parse(manifestText) as { dependencies?: Record<string, string>; devDependencies?: Record<string, string> };
  const sdk = Object.entries({ ...manifest.devDependencies, ...manifest.dependencies })
    .filter(([dependency, range]) => dependency.startsWith('@aws-sdk/') && dependency !== name && typeof range === 'string')
    .sort(([a], [b]) => a.localeCompare(b));
  const sts = sdk.find(([dependency]) => dependency === '@aws-sdk/client-sts');
  if (sts) return sts[1];
  const counts = new Map<string, number>();
  for (const [, range] of sdk) counts.set(range, (counts.get(range) ?? 0) + 1);
  let best: string | undefined;
  for (const [range, count] of counts) if (best === undefined || count > counts.get(best)!) best = range;
  return best ?? '^3.0.0';
}

export interface DependencyOptions {
  /** Where package.json lookups stop (the git work tree root). */
  readonly root: string | undefined;
  /** The runtime module specifier whose importers need the package; undefined when vendored or replaced. */
  readonly runtimePackageModule: string | undefined;
}

export interface DependencyChange extends SourceChange {
  /** The packages this change put into `dependencies` (added, or moved from devDependencies). */
  readonly added: readonly string[];
}

/** The package.json changes, in a stable order. */
export function dependencyChanges(sources: readonly ImportChange[], options: DependencyOptions): DependencyChange[] {
  const wanted = new Map<string, Set<string>>();
  for (const { file, before, after: now } of sources) {
    const names = new Set<string>();
    if (options.runtimePackageModule && now.has(options.runtimePackageModule)) names.add(meta.name);
    // A new file (the shared module) holds providers moved out of files that may have used
    // the module through a hoisted root dependency: it is declared where it is now imported.
    if (now.has(PROVIDERS_MODULE) && !before?.has(PROVIDERS_MODULE)) names.add(PROVIDERS_MODULE);
    if (names.size === 0) continue;
    const manifest = nearestPackageJson(file, options.root);
    if (!manifest) continue;
    const all = wanted.get(manifest) ?? new Set<string>();
    for (const name of names) all.add(name);
    wanted.set(manifest, all);
  }
  const changes: DependencyChange[] = [];
  for (const [manifest, names] of [...wanted].sort(([a], [b]) => a.localeCompare(b))) {
    const before = readFileSync(manifest, 'utf8');
    let after = before;
    const added: string[] = [];
    for (const name of [...names].sort()) {
      const next = withDependency(after, name, rangeFor(after, name));
      if (next === undefined) continue;
      after = next;
      added.push(name);
    }
    if (after !== before) changes.push({ file: manifest, before, after, added });
  }
  return changes;
}
