// Who imports a module, from a reverse index of the repository's own imports (read from the text of
// every source file, bounded), so that a class only command-line programs, tests and build tooling
// import is judged as they are: run-once code. A module nobody imports is judged by itself.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import type { TSESTree } from '@typescript-eslint/utils';
import { fileRoleOf, mayTakeImportersRole } from '../analysis/frequency/file-role.js';
import { parseSource } from '../analysis/parse.js';
import { projectPathOf, projectRootOf } from './project-root.js';
import { readFolder } from './folders.js';
import { readJson } from './read-json.js';
import { resolveModule } from './resolve-module.js';
import { SPECIFIER } from './specifiers.js';

/** Larger repositories are not indexed: every module is then judged by itself, as before. */
const MAX_FILES = 5_000;
const MAX_LEVELS = 10;
/** How far "imported only by modules imported only by run-once code" is followed. */
const MAX_DEPTH = 3;
const SOURCE_FILE = /\.(ts|tsx|mts|cts|js|jsx|mjs|cjs)$/;

type ReverseIndex = ReadonlyMap<string, ReadonlySet<string>>;

/** A string that names a module of the project by relative path, wherever it is written. */
const RELATIVE_PATH_LITERAL = /['"`](\.{1,2}\/[\w@$./-]+)['"`]/g;

const indexes = new Map<string, ReverseIndex | null>();

/** The repository around `file`: the nearest folder with `.git`, or else the outermost with a package.json. */
function repositoryRoot(file: string): string {
  let outermostPackage: string | undefined;
  for (let dir = dirname(file), level = 0; level < MAX_LEVELS; dir = dirname(dir), level++) {
    if (existsSync(join(dir, '.git'))) return dir;
    if (existsSync(join(dir, 'package.json'))) outermostPackage = dir;
    if (dirname(dir) === dir) break;
  }
  return outermostPackage ?? dirname(file);
}

function sourceFiles(root: string): string[] | undefined {
  const files: string[] = [];
  const stack = [root];
  while (stack.length > 0) {
    const dir = stack.pop()!;
    const contents = readFolder(dir);
    stack.push(...contents.folders);
    for (const entry of contents.files) {
      if (!SOURCE_FILE.test(entry.name) || entry.name.endsWith('.d.ts')) continue;
      files.push(join(dir, entry.name));
      if (files.length > MAX_FILES) return undefined;
    }
  }
  return files;
}

function indexOf(root: string): ReverseIndex | undefined {
  const known = indexes.get(root);
  if (known !== undefined) return known ?? undefined;
  const files = sourceFiles(root);
  let index: Map<string, Set<string>> | undefined;
  if (files) {
    index = new Map();
    for (const file of files) {
      let text: string;
      try {
        text = readFileSync(file, 'utf8');
      } catch {
        continue;
      }
      const specifiers = new Set([...text.matchAll(SPECIFIER)].map((match) => match[1]!));
      // `register('id', './aws-kinesis')` with `require(path)` elsewhere: a registry loads it.
      for (const match of text.matchAll(RELATIVE_PATH_LITERAL)) specifiers.add(match[1]!);
      for (const specifier of specifiers) {
        const target = resolveModule(specifier, file);
        if (!target || target === file) continue;
        const importers = index.get(target) ?? new Set<string>();
        importers.add(file);
        index.set(target, importers);
      }
    }
  }
  indexes.set(root, index ?? null);
  return index;
}

interface Manifest {
  readonly private?: unknown;
  readonly main?: unknown;
  readonly module?: unknown;
  readonly exports?: unknown;
}

function manifestOf(file: string): { root: string; manifest: Manifest } | undefined {
  const root = projectRootOf(file);
  const manifest = root ? (readJson(join(root, 'package.json')) as Manifest | undefined) : undefined;
  return root && manifest ? { root, manifest } : undefined;
}

/** `"private": true` in the file's nearest package.json: nothing outside the repository imports it. */
function isPrivatePackage(file: string): boolean {
  return manifestOf(file)?.manifest.private === true;
}

function stringsIn(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (value && typeof value === 'object') return Object.values(value).flatMap(stringsIn);
  return [];
}

const withoutExtension = (path: string): string => path.replace(/\.[cm]?[jt]sx?$/, '');

/** The entry (`main`, `module`, `exports`, or `index` at the root or in `src/`) of a package that is not private. */
function isPublishedEntry(file: string): boolean {
  const found = manifestOf(file);
  if (!found || found.manifest.private === true) return false;
  const { root, manifest } = found;
  const entries = [...stringsIn(manifest.main), ...stringsIn(manifest.module), ...stringsIn(manifest.exports), 'index', 'src/index'];
  const own = withoutExtension(file);
  return entries.some((entry) => withoutExtension(resolve(root, entry)) === own);
}

/** Only imports and re-exports: an entry point that hands modules on and runs nothing. */
function isBarrel(program: TSESTree.Program): boolean {
  return program.body.every((statement) => statement.type === 'ImportDeclaration' || statement.type === 'ExportAllDeclaration' || (statement.type === 'ExportNamedDeclaration' && !statement.declaration));
}

/** An importer's text, read once for its role and for the calls it makes. */
const texts = new Map<string, string | null>();

/** Undefined when the file cannot be read. */
function textOf(file: string): string | undefined {
  let text = texts.get(file);
  if (text === undefined) {
    try {
      text = readFileSync(file, 'utf8');
    } catch {
      text = null;
    }
    texts.set(file, text);
  }
  return text ?? undefined;
}

/** What an importing module is, by its own shape: run-once code (a script, a test), a barrel, or application code. */
function roleOf(file: string): 'run-once' | 'app' | 'barrel' {
  return shapeOf(file).role;
}

interface ImporterShape {
  readonly role: 'run-once' | 'app' | 'barrel';
  /** Application code that is an entry of its own (it exports a handler, or serves or polls): it runs what it imports, whoever imports it. */
  readonly entry: boolean;
  /** Per module specifier, the value names it takes (`all` for a namespace, `require` or re-export of everything). */
  readonly takes: ReadonlyMap<string, ReadonlySet<string> | 'all'>;
}

const shapes = new Map<string, ImporterShape>();

function shapeOf(file: string): ImporterShape {
  const known = shapes.get(file);
  if (known) return known;
  let shape: ImporterShape;
  try {
    const text = textOf(file);
    if (text === undefined) throw new Error('unreadable');
    const { ast } = parseSource(text, file);
    const fileRole = fileRoleOf(projectPathOf(file), ast, text);
    const role = fileRole !== 'app' ? 'run-once' : isBarrel(ast) ? 'barrel' : 'app';
    shape = { role, entry: role === 'app' && !mayTakeImportersRole(ast, text), takes: namesTaken(ast) };
  } catch {
    shape = { role: 'app', entry: true, takes: new Map() }; // unreadable or unparsable: assume the worst
  }
  shapes.set(file, shape);
  return shape;
}

/** What each static import and re-export takes; specifiers named elsewhere (`require`, `import()`) are absent: they take all. */
function namesTaken(program: TSESTree.Program): Map<string, ReadonlySet<string> | 'all'> {
  const takes = new Map<string, Set<string> | 'all'>();
  const add = (specifier: string, name: string | 'all'): void => {
    const known = takes.get(specifier);
    if (known === 'all') return;
    if (name === 'all') takes.set(specifier, 'all');
    else takes.set(specifier, (known ?? new Set()).add(name));
  };
  for (const statement of program.body) {
    if (statement.type === 'ImportDeclaration') {
      if (statement.importKind === 'type') continue;
      if (statement.specifiers.length === 0) add(statement.source.value, 'all'); // a side-effect import runs the module
      for (const specifier of statement.specifiers) {
        if (specifier.type === 'ImportSpecifier') {
          if (specifier.importKind !== 'type') add(statement.source.value, specifier.imported.type === 'Identifier' ? specifier.imported.name : String(specifier.imported.value));
        } else add(statement.source.value, specifier.type === 'ImportDefaultSpecifier' ? 'default' : 'all');
      }
    }
    if (statement.type === 'ExportAllDeclaration') add(statement.source.value, 'all');
    if (statement.type === 'ExportNamedDeclaration' && statement.source && statement.exportKind !== 'type') {
      for (const specifier of statement.specifiers) add(statement.source.value, specifier.local.type === 'Identifier' ? specifier.local.name : String(specifier.local.value));
    }
  }
  return takes;
}

/** `importer` takes from `file` none of `names` (by static imports only: a `require` or `import()` of it takes everything). */
function takesNoneOf(importer: string, file: string, names: ReadonlySet<string>): boolean {
  let found = false;
  for (const [specifier, taken] of shapeOf(importer).takes) {
    if (resolveModule(specifier, importer) !== file) continue;
    if (taken === 'all' || [...taken].some((name) => names.has(name))) return false;
    found = true;
  }
  // Not among its static imports: it reaches the file by `require` or `import()`, which take everything.
  return found && !textMentionsOtherwise(importer);
}

/** Any `require(` or `import(` in the importer: it may take the file that way too. */
function textMentionsOtherwise(importer: string): boolean {
  return /\b(require|import)\s*\(/.test(textOf(importer) ?? '');
}

/** The exports that can run an import, read when an importer's names need them. */
type Reaching = () => ReadonlySet<string> | undefined;

function once(read: Reaching): Reaching {
  let value: ReadonlySet<string> | undefined | null = null;
  return () => (value === null ? (value = read()) : value);
}

/** Who runs a module: only run-once code, application code (at any rate), or nobody in the repository. */
type Runners = 'run-once' | 'app' | 'none';

function runnersOf(file: string, index: ReverseIndex, depth: number, visiting: Set<string>, reaching: Reaching | undefined): Runners {
  if (isPublishedEntry(file)) return 'app'; // other projects import it, at any rate
  const importers = index.get(file);
  if (!importers || importers.size === 0) return 'none';
  let runners: Runners = 'none';
  for (const importer of importers) {
    if (visiting.has(importer)) continue; // an import cycle adds no caller
    const role = roleOf(importer);
    // It takes only exports that reach nothing this file builds (types, constants, pure helpers).
    const names = role !== 'run-once' ? reaching?.() : undefined;
    if (names && takesNoneOf(importer, file, names)) continue;
    if (role === 'run-once') {
      runners = 'run-once';
      continue;
    }
    // A barrel nobody in the repository imports passes nothing on in a private package; in a
    // published one it is the API other projects call, at any rate. One that is imported, its importers decide.
    if (role === 'barrel' && !index.get(importer)?.size) {
      if (isPrivatePackage(importer)) continue;
      return 'app';
    }
    if (depth >= MAX_DEPTH || shapeOf(importer).entry) return 'app';
    visiting.add(importer);
    // A barrel hands the same names on; what an application module passes on is its own.
    const through = runnersOf(importer, index, depth + 1, visiting, role === 'barrel' ? reaching : undefined);
    visiting.delete(importer);
    if (through === 'app') return 'app';
    // An application module nobody imports is an entry of its own: it runs what it imports.
    if (through === 'none' && role === 'app') return 'app';
    if (through === 'run-once') runners = 'run-once';
  }
  return runners;
}

/**
 * True when every module of the repository that imports `file` (directly, or through modules that
 * are themselves imported only so) is run-once code: a script, a command-line program, a test or
 * build tooling. Such a module runs once per command too, whatever its functions look like.
 */
export function importedOnlyByRunOnce(file: string, reaching?: () => ReadonlySet<string> | undefined): boolean {
  const index = indexOf(repositoryRoot(file));
  return !!index && runnersOf(file, index, 0, new Set([file]), reaching && once(reaching)) === 'run-once';
}

/**
 * True when a module of the repository that imports `file`, and is application code (not a test,
 * script or barrel), calls `name(…)` or `x.name(…)`: an export that looks like a handler but that
 * the project calls itself is judged where it is called. A textual test, so a definition of the
 * same name in the importer (`function name(`, `async name(`) does not count.
 */
export function calledByApplicationImporters(file: string, name: string): boolean {
  if (!/^[A-Za-z_$][\w$]*$/.test(name)) return false;
  const importers = indexOf(repositoryRoot(file))?.get(file);
  if (!importers) return false;
  const call = new RegExp(`(?<![\\w$])(?<!(function|async)\\s+)${name.replace(/\$/g, '\\$')}\\s*\\(`);
  for (const importer of importers) if (roleOf(importer) === 'app' && call.test(textOf(importer) ?? '')) return true;
  return false;
}
