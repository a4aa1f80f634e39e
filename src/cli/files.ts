// Which files `scan` and `fix` look at: git's view of the tree inside a repository (so
// `.gitignore` is respected), a walk that reads `.gitignore` files elsewhere; dependency, build
// and tool folders, files over 1 MiB and minified files never (named as skipped); minus the
// caller's ignore globs.
import { existsSync, statSync } from 'node:fs';
import { extname, isAbsolute, relative, resolve, sep } from 'node:path';
import { gitRoot, listGitFiles } from './git.js';
import { walkFiles } from './gitignore-walk.js';
import { globFilter, type PathFilter } from './ignore-globs.js';
import { SKIPPED_FOLDERS } from '../project/folders.js';
import { contentSkipReason, type SkippedFile } from './skipped.js';

const SOURCE_EXTENSIONS = ['.js', '.mjs', '.cjs', '.jsx', '.ts', '.tsx', '.mts', '.cts'] as const;

function isSourceFile(file: string): boolean {
  return (SOURCE_EXTENSIONS as readonly string[]).includes(extname(file)) && !file.endsWith('.d.ts') && !/\.d\.[cm]ts$/.test(file);
}

function inSkippedDir(relativePath: string): boolean {
  return relativePath.split(/[\\/]/).slice(0, -1).some(part => SKIPPED_FOLDERS.has(part));
}

export class UsageError extends Error {}

export interface ListOptions {
  /** Globs relative to `cwd` (`--ignore`); they apply to explicitly named files too. */
  readonly ignore?: readonly string[];
  /** More ignored files (ESLint's `ignores`), asked with absolute paths. */
  readonly ignored?: (file: string) => boolean;
}

export interface SourceFiles {
  /** Absolute paths, sorted. */
  readonly files: string[];
  /** Source files by name that are left out, with why (absolute paths). */
  readonly skipped: SkippedFile[];
}

/** The source files under `paths` (see `selectSourceFiles`), without the skipped ones' names. */
export function listSourceFiles(cwd: string, paths: readonly string[], options: ListOptions = {}): string[] {
  return selectSourceFiles(cwd, paths, options).files;
}

/**
 * The source files under `paths` (files or folders, relative to `cwd`; default `.`), sorted,
 * without duplicates, and the ones skipped as not source. A path named explicitly as a file is
 * always taken, unless an ignore glob names it.
 */
export function selectSourceFiles(cwd: string, paths: readonly string[], options: ListOptions = {}): SourceFiles {
  const given = paths.length > 0 ? paths : ['.'];
  const targets = given.map(path => (isAbsolute(path) ? path : resolve(cwd, path)));
  given.forEach((path, index) => {
    // As the user wrote it: an absolute path stays absolute.
    if (!existsSync(targets[index]!)) throw new UsageError(`no such file or folder: ${path}`);
  });
  const found = new Set<string>();
  const inGit = gitRoot(cwd) !== undefined;
  const gitFiles = inGit ? listGitFiles(cwd, targets.map(target => relative(cwd, target) || '.')) : undefined;
  if (gitFiles) {
    for (const file of gitFiles) {
      const full = resolve(cwd, file);
      if (existsSync(full)) found.add(full);
    }
  } else {
    for (const target of targets) {
      if (statSync(target).isDirectory()) for (const file of walkFiles(target, SKIPPED_FOLDERS)) found.add(file);
    }
  }
  for (const target of targets) {
    if (statSync(target).isFile()) found.add(target);
  }
  const explicit = new Set(targets);
  const globbed: PathFilter = globFilter(options.ignore ?? []);
  const posix = (file: string): string => relative(cwd, file).split(sep).join('/');
  const files: string[] = [];
  const skipped: SkippedFile[] = [];
  for (const file of [...found].sort()) {
    if (!isSourceFile(file) || globbed(posix(file)) || (options.ignored?.(file) ?? false)) continue;
    const reason = explicit.has(file) ? undefined : inSkippedDir(posix(file)) ? 'folder' : contentSkipReason(file);
    if (reason) skipped.push({ file, reason });
    else files.push(file);
  }
  return { files, skipped };
}
