// Which files `scan` and `fix` look at: git's view of the tree inside a repository (so
// `.gitignore` is respected), a plain walk elsewhere; build output and dependencies never.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { extname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { gitRoot, listGitFiles } from './git.js';

export const SOURCE_EXTENSIONS = ['.js', '.mjs', '.cjs', '.jsx', '.ts', '.tsx', '.mts', '.cts'] as const;

export const SKIPPED_DIRS = new Set(['node_modules', 'dist', 'build', 'coverage', '.next', 'cdk.out', '.git', '.turbo', '.serverless', '.aws-sam']);

export function isSourceFile(file: string): boolean {
  return (SOURCE_EXTENSIONS as readonly string[]).includes(extname(file)) && !file.endsWith('.d.ts') && !/\.d\.[cm]ts$/.test(file);
}

function inSkippedDir(relativePath: string): boolean {
  return relativePath.split(/[\\/]/).slice(0, -1).some(part => SKIPPED_DIRS.has(part));
}

function walk(dir: string, out: string[]): void {
  let entries;
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    return;
  }
  for (const entry of entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
    const full = join(dir, entry.name);
    if (entry.isDirectory()) {
      if (!SKIPPED_DIRS.has(entry.name)) walk(full, out);
    } else if (entry.isFile()) {
      out.push(full);
    }
  }
}

export class UsageError extends Error {}

/**
 * Absolute paths of the source files under `paths` (files or folders, relative to `cwd`;
 * default `.`), sorted, without duplicates. A path named explicitly as a file is always taken.
 */
export function listSourceFiles(cwd: string, paths: readonly string[]): string[] {
  const targets = (paths.length > 0 ? paths : ['.']).map(path => (isAbsolute(path) ? path : resolve(cwd, path)));
  for (const target of targets) {
    if (!existsSync(target)) throw new UsageError(`no such file or folder: ${relative(cwd, target) || target}`);
  }
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
      if (statSync(target).isDirectory()) {
        const out: string[] = [];
        walk(target, out);
        for (const file of out) found.add(file);
      }
    }
  }
  for (const target of targets) {
    if (statSync(target).isFile()) found.add(target);
  }
  const explicit = new Set(targets);
  return [...found]
    .filter(file => isSourceFile(file) && (explicit.has(file) || !inSkippedDir(relative(cwd, file).split(sep).join('/'))))
    .sort();
}
