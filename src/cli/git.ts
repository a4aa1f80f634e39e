// The little git the CLI needs: is this a work tree, is it dirty, which files does it track.
import { execFileSync } from 'node:child_process';

function git(cwd: string, args: string[]): string | undefined {
  try {
    return execFileSync('git', args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'], maxBuffer: 256 * 1024 * 1024 });
  } catch {
    return undefined;
  }
}

/** The work tree root containing `cwd`, or undefined outside git (or without git installed). */
export function gitRoot(cwd: string): string | undefined {
  return git(cwd, ['rev-parse', '--show-toplevel'])?.trim() || undefined;
}

/** `git status --porcelain` lines for `paths` (relative to `cwd`); empty when clean. */
export function dirtyFiles(cwd: string, paths: readonly string[] = []): string[] {
  const out = git(cwd, ['status', '--porcelain', '--', ...paths]);
  return out === undefined ? [] : out.split('\n').filter(Boolean);
}

/**
 * Tracked and untracked-but-not-ignored files under `cwd`, relative to `cwd`
 * (`.gitignore`, `.git/info/exclude` and the global excludes respected).
 */
export function listGitFiles(cwd: string, paths: readonly string[]): string[] | undefined {
  const out = git(cwd, ['ls-files', '-z', '--cached', '--others', '--exclude-standard', '--', ...paths]);
  if (out === undefined) return undefined;
  return [...new Set(out.split('\0').filter(Boolean))];
}
