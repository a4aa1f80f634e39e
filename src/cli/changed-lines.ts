// `scan --changed-since <ref>`: the lines a change added or modified, from git: everything since
// the merge base of <ref> and HEAD (commits, staged and unstaged edits of tracked files), plus
// untracked files, which are new in full.
import { execFileSync } from 'node:child_process';
import { resolve } from 'node:path';
import { UsageError } from './files.js';

/** Absolute path -> the 1-based line numbers added or changed there; `'all'` for a new file. */
export type ChangedLines = ReadonlyMap<string, ReadonlySet<number> | 'all'>;

function git(cwd: string, args: readonly string[]): string {
  return execFileSync('git', args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 512 * 1024 * 1024 });
}

/** The new-side line ranges of `git diff --unified=0` output, per `+++ b/<path>` (paths relative to the repository root). */
export function addedLines(diff: string): Map<string, Set<number>> {
  const out = new Map<string, Set<number>>();
  let current: Set<number> | undefined;
  for (const line of diff.split('\n')) {
    if (line.startsWith('+++ ')) {
      const path = line.slice(4);
      current = path === '/dev/null' ? undefined : (out.get(path.replace(/^b\//, '')) ?? new Set<number>());
      if (current) out.set(path.replace(/^b\//, ''), current);
      continue;
    }
    const hunk = /^@@ -\d+(?:,\d+)? \+(\d+)(?:,(\d+))? @@/.exec(line);
    if (hunk && current) {
      const start = Number(hunk[1]);
      const count = hunk[2] === undefined ? 1 : Number(hunk[2]);
      for (let offset = 0; offset < count; offset += 1) current.add(start + offset);
    }
  }
  return out;
}

export function changedLinesSince(cwd: string, ref: string): ChangedLines {
  let root: string;
  try {
    // The root as a path from the cwd (not git's real path), so it compares equal to the listed
    // files when the cwd is reached through a symlink.
    root = resolve(cwd, git(cwd, ['rev-parse', '--show-cdup']).trim() || '.');
  } catch {
    throw new UsageError(`--changed-since needs a git repository (${cwd} is not in one)`);
  }
  let base: string;
  try {
    base = git(cwd, ['merge-base', ref, 'HEAD']).trim();
  } catch {
    throw new UsageError(`--changed-since ${ref}: no merge base with HEAD (unknown ref, or a shallow clone: fetch it with enough history)`);
  }
  // Against the work tree, so staged and unstaged edits count too; -c core.quotePath=false keeps
  // non-ASCII paths readable, --no-renames is not used: a moved file is not new code.
  const diff = git(root, ['-c', 'core.quotePath=false', 'diff', '--unified=0', '--no-color', '--no-ext-diff', '--find-renames', base, '--']);
  const changed = new Map<string, ReadonlySet<number> | 'all'>();
  for (const [path, lines] of addedLines(diff)) if (lines.size > 0) changed.set(resolve(root, path), lines);
  const untracked = git(root, ['-c', 'core.quotePath=false', 'ls-files', '-z', '--others', '--exclude-standard']);
  for (const path of untracked.split('\0').filter(Boolean)) changed.set(resolve(root, path), 'all');
  return changed;
}

/** Is any line of [line, endLine] changed in `file`? */
export function touchesChange(changed: ChangedLines, file: string, line: number, endLine = line): boolean {
  const lines = changed.get(file);
  if (lines === undefined) return false;
  if (lines === 'all') return true;
  for (let at = line; at <= endLine; at += 1) if (lines.has(at)) return true;
  return false;
}
