// Where an import specifier leads, for cross-file analysis: relative paths (with the extensions
// and index files Node, bundlers and TypeScript accept, `.js` written for a `.ts` source included),
// tsconfig/jsconfig `paths`, and the packages of the repository's own workspaces. Packages from
// node_modules are not followed: their code is not the project's. Results are cached per folder.
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { basename, dirname, isAbsolute, join, resolve } from 'node:path';
import { readFolder } from './folders.js';
import { readJson } from './read-json.js';

const EXTENSIONS = ['.ts', '.tsx', '.mts', '.cts', '.js', '.jsx', '.mjs', '.cjs'];
/** Node's order for `require('./x')` from JavaScript: `x.js` beside `x.ts` is the module that runs. */
const JS_FIRST = ['.js', '.jsx', '.mjs', '.cjs', '.ts', '.tsx', '.mts', '.cts'];
/** `./x.js` in TypeScript sources names `./x.ts`. */
const SOURCE_FOR: Record<string, readonly string[]> = { '.js': ['.ts', '.tsx'], '.jsx': ['.tsx'], '.mjs': ['.mts'], '.cjs': ['.cts'] };

const resolved = new Map<string, string | null>();

function isFile(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

/** `base` as a file: itself, with an extension, its TypeScript source, or its folder's index. */
function asFile(base: string, extensions: readonly string[] = EXTENSIONS): string | undefined {
  if (isFile(base)) return base;
  for (const extension of extensions) if (isFile(base + extension)) return base + extension;
  const dot = base.lastIndexOf('.');
  const extension = dot > base.lastIndexOf('/') ? base.slice(dot) : '';
  for (const source of SOURCE_FOR[extension] ?? []) if (isFile(base.slice(0, dot) + source)) return base.slice(0, dot) + source;
  for (const extension of EXTENSIONS) if (isFile(join(base, `index${extension}`))) return join(base, `index${extension}`);
  return undefined;
}

function findUp(from: string, names: readonly string[]): string | undefined {
  for (let dir = from; ; dir = dirname(dir)) {
    for (const name of names) if (existsSync(join(dir, name))) return join(dir, name);
    if (dirname(dir) === dir) return undefined;
  }
}

interface PathsConfig {
  /** Set only when a config names one: then bare specifiers also resolve from it. */
  readonly baseUrl: string | undefined;
  /** Where `paths` targets are relative to: `baseUrl`, else the folder of the config that declares `paths`. */
  readonly pathsBase: string;
  readonly paths: Readonly<Record<string, readonly string[]>>;
}

type CompilerOptions = { baseUrl?: string; paths?: Record<string, string[]> };

/** The relative `extends` of a tsconfig (a string or, since TypeScript 5.0, an array), nearest first. */
function parentConfigs(file: string, value: unknown): string[] {
  const entries = (Array.isArray(value) ? [...value].reverse() : [value]).filter((entry): entry is string => typeof entry === 'string' && entry.startsWith('.'));
  return entries.map((entry) => {
    const target = resolve(dirname(file), entry);
    return target.endsWith('.json') ? target : `${target}.json`;
  });
}

/**
 * `compilerOptions.paths`/`baseUrl` of the nearest tsconfig or jsconfig, as TypeScript merges them
 * along `extends`: each option from the nearest config that sets it, `baseUrl` relative to the
 * config that sets it, `paths` relative to `baseUrl` or else to the config that sets `paths`.
 */
function pathsConfig(fromDir: string): PathsConfig | undefined {
  const first = findUp(fromDir, ['tsconfig.json', 'jsconfig.json']);
  let baseUrl: string | undefined;
  let paths: { readonly value: Record<string, string[]>; readonly dir: string } | undefined;
  const queue = first ? [first] : [];
  for (let visited = 0; queue.length > 0 && visited < 8; visited++) {
    const file = queue.shift()!;
    const config = readJson(file) as { extends?: unknown; compilerOptions?: CompilerOptions } | undefined;
    const options = config?.compilerOptions;
    if (baseUrl === undefined && typeof options?.baseUrl === 'string') baseUrl = resolve(dirname(file), options.baseUrl);
    if (paths === undefined && options?.paths && typeof options.paths === 'object') paths = { value: options.paths, dir: dirname(file) };
    if (baseUrl !== undefined && paths !== undefined) break;
    queue.push(...parentConfigs(file, config?.extends));
  }
  if (baseUrl === undefined && paths === undefined) return undefined;
  return { baseUrl, pathsBase: baseUrl ?? paths!.dir, paths: paths?.value ?? {} };
}

function viaPaths(specifier: string, config: PathsConfig): string | undefined {
  for (const [pattern, targets] of Object.entries(config.paths)) {
    const star = pattern.indexOf('*');
    const matches = star < 0 ? specifier === pattern : specifier.startsWith(pattern.slice(0, star)) && specifier.endsWith(pattern.slice(star + 1));
    if (!matches || !Array.isArray(targets)) continue;
    const captured = star < 0 ? '' : specifier.slice(star, specifier.length - (pattern.length - star - 1));
    for (const target of targets) {
      if (typeof target !== 'string') continue;
      const found = asFile(resolve(config.pathsBase, target.replace('*', captured)));
      if (found) return found;
    }
  }
  // `baseUrl: "./"` lets `import { S } from 'src/services/s'` name a project file.
  return config.baseUrl ? asFile(resolve(config.baseUrl, specifier)) : undefined;
}

const workspaceCache = new Map<string, Map<string, string> | null>();

/** Package name -> folder, for the workspaces of the nearest root that declares them. */
function workspacePackages(fromDir: string): Map<string, string> | undefined {
  for (let dir = fromDir; ; dir = dirname(dir)) {
    const known = workspaceCache.get(dir);
    if (known !== undefined) return known ?? undefined;
    const patterns = workspacePatterns(dir);
    if (patterns) {
      const packages = new Map<string, string>();
      for (const pattern of patterns) for (const folder of expand(dir, pattern)) {
        const name = (readJson(join(folder, 'package.json')) as { name?: string } | undefined)?.name;
        if (name) packages.set(name, folder);
      }
      workspaceCache.set(dir, packages);
      return packages;
    }
    if (dirname(dir) === dir) {
      workspaceCache.set(dir, null);
      return undefined;
    }
  }
}

function workspacePatterns(dir: string): string[] | undefined {
  const manifest = readJson(join(dir, 'package.json')) as { workspaces?: string[] | { packages?: string[] } } | undefined;
  const workspaces = Array.isArray(manifest?.workspaces) ? manifest.workspaces : manifest?.workspaces?.packages;
  if (workspaces) return workspaces;
  let yaml: string;
  try {
    yaml = readFileSync(join(dir, 'pnpm-workspace.yaml'), 'utf8');
  } catch {
    return undefined;
  }
  const entries = [...yaml.matchAll(/^\s*-\s*['"]?([^'"\n#]+?)['"]?\s*$/gm)].map((match) => match[1]!);
  return entries.length > 0 ? entries : undefined;
}

/** `packages/*`, `apps/**`, `libs/core`: folders only, `!` exclusions ignored. */
function expand(root: string, pattern: string): string[] {
  if (pattern.startsWith('!')) return [];
  const parts = pattern.replace(/\/$/, '').split('/');
  let folders = [root];
  for (const part of parts) {
    const next: string[] = [];
    for (const folder of folders) {
      if (part === '*' || part === '**') {
        try {
          for (const entry of readdirSync(folder, { withFileTypes: true })) if (entry.isDirectory() && entry.name !== 'node_modules' && !entry.name.startsWith('.')) next.push(join(folder, entry.name));
        } catch {
          // unreadable folder: no packages there
        }
      } else if (existsSync(join(folder, part))) next.push(join(folder, part));
    }
    folders = next;
  }
  return folders;
}

/** A workspace package's entry (or a deep path in it), preferring its sources to its build output. */
function viaWorkspace(specifier: string, fromDir: string): string | undefined {
  const packages = workspacePackages(fromDir);
  if (!packages || packages.size === 0) return undefined;
  const parts = specifier.split('/');
  const name = specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0]!;
  const folder = packages.get(name);
  if (!folder) return undefined;
  const rest = specifier.slice(name.length + 1);
  if (rest) return asFile(join(folder, rest)) ?? asFile(join(folder, 'src', rest));
  return packageEntry(folder);
}

/** A package folder's entry module, preferring its sources to its build output. */
function packageEntry(folder: string): string | undefined {
  const manifest = readJson(join(folder, 'package.json')) as { source?: string; module?: string; main?: string; types?: string; exports?: unknown } | undefined;
  const dotExport = exportTarget(manifest?.exports);
  for (const candidate of [manifest?.source, dotExport, manifest?.module, manifest?.main, manifest?.types, 'src/index', 'index']) {
    if (typeof candidate !== 'string') continue;
    const found = asFile(join(folder, candidate)) ?? asFile(join(folder, candidate.replace(/^\.?\/?(dist|lib|build|out)\//, 'src/').replace(/\.d\.ts$/, '')));
    if (found) return found;
  }
  return undefined;
}

function exportTarget(exports: unknown): string | undefined {
  if (typeof exports === 'string') return exports;
  if (!exports || typeof exports !== 'object') return undefined;
  const record = exports as Record<string, unknown>;
  const dot = '.' in record ? record['.'] : record;
  if (typeof dot === 'string') return dot;
  if (dot && typeof dot === 'object') {
    const conditions = dot as Record<string, unknown>;
    for (const key of ['source', 'development', 'import', 'require', 'node', 'default', 'types']) {
      const value = conditions[key];
      const target = typeof value === 'string' ? value : exportTarget(value);
      if (target) return target;
    }
  }
  return undefined;
}

interface RepositoryLayout {
  /** Package name -> folder, for every package.json under the scanned folder (the shallowest wins). */
  readonly packages: ReadonlyMap<string, string>;
  /** Folders named `nodejs`: the source of Lambda layers, mounted at /opt/nodejs. */
  readonly layerFolders: readonly string[];
}

const layouts = new Map<string, RepositoryLayout>();

/** A bounded breadth-first scan of the folders under `root` (4 levels, 5,000 folders). */
function layoutOf(root: string): RepositoryLayout {
  const known = layouts.get(root);
  if (known) return known;
  const packages = new Map<string, string>();
  const layerFolders: string[] = [];
  let queue = [root];
  let seen = 0;
  for (let depth = 0; depth <= 4 && queue.length > 0 && seen < 5_000; depth++) {
    const next: string[] = [];
    for (const dir of queue) {
      seen++;
      const name = (readJson(join(dir, 'package.json')) as { name?: unknown } | undefined)?.name;
      if (typeof name === 'string' && !packages.has(name)) packages.set(name, dir);
      for (const folder of readFolder(dir).folders) {
        if (basename(folder) === 'nodejs') layerFolders.push(folder);
        next.push(folder);
      }
    }
    queue = next;
  }
  const layout = { packages, layerFolders };
  layouts.set(root, layout);
  return layout;
}

/** The folders around `fromDir`, nearest first: its parent, grandparent … up to the repository root (6 levels). */
function surroundings(fromDir: string): string[] {
  const folders: string[] = [];
  for (let dir = dirname(fromDir), level = 0; level < 6; dir = dirname(dir), level++) {
    folders.push(dir);
    if (existsSync(join(dir, '.git')) || dirname(dir) === dir) break;
  }
  return folders;
}

/**
 * `/opt/nodejs/node_modules/auth-service` or `/opt/nodejs/lib/db`: a Lambda layer's code, which
 * the repository holds as a package of that name or under a folder named `nodejs`.
 */
function viaLambdaLayer(specifier: string, fromDir: string): string | undefined {
  const match = /^\/opt\/nodejs\/(?:node\d+\/)?(.+)$/.exec(specifier);
  if (!match) return undefined;
  const rest = match[1]!;
  const inModules = /^node_modules\/((?:@[^/]+\/)?[^/]+)(?:\/(.+))?$/.exec(rest);
  for (const folder of surroundings(fromDir)) {
    const layout = layoutOf(folder);
    if (inModules) {
      const home = layout.packages.get(inModules[1]!);
      const found = home && (inModules[2] ? asFile(join(home, inModules[2])) ?? asFile(join(home, 'src', inModules[2])) : packageEntry(home));
      if (found) return found;
    }
    for (const layer of layout.layerFolders) {
      const found = asFile(join(layer, rest));
      if (found) return found;
    }
  }
  return undefined;
}

/** The project file `specifier` names from `fromFile`, or undefined (a package, or not found). */
export function resolveModule(specifier: string, fromFile: string): string | undefined {
  if (specifier.startsWith('node:') || !isAbsolute(fromFile)) return undefined;
  const fromDir = dirname(fromFile);
  const fromJs = /\.[cm]?jsx?$/.test(fromFile);
  const key = `${fromDir}\u0000${specifier}\u0000${fromJs ? 'js' : 'ts'}`;
  const known = resolved.get(key);
  if (known !== undefined) return known ?? undefined;
  let result: string | undefined;
  if (specifier.startsWith('./') || specifier.startsWith('../') || specifier === '.' || specifier === '..') result = asFile(resolve(fromDir, specifier), fromJs ? JS_FIRST : EXTENSIONS);
  else if (specifier.startsWith('/opt/')) result = viaLambdaLayer(specifier, fromDir);
  else if (!specifier.startsWith('@aws-sdk/') && !specifier.startsWith('@smithy/') && specifier !== 'aws-sdk' && !specifier.startsWith('aws-sdk/')) {
    const paths = pathsConfig(fromDir);
    result = (paths ? viaPaths(specifier, paths) : undefined) ?? viaWorkspace(specifier, fromDir);
  }
  resolved.set(key, result ?? null);
  return result;
}
