// `--ignore <glob>` and ESLint's global `ignores`: minimatch globs over `/`-separated paths
// relative to a base folder. A glob that matches a folder skips everything inside it; a later
// `!glob` un-ignores, as in ESLint's `ignores`.
import { Minimatch } from 'minimatch';

export type PathFilter = (relativePosixPath: string) => boolean;

/** A predicate that is true for paths the globs ignore (files, or files inside ignored folders). */
export function globFilter(globs: readonly string[]): PathFilter {
  const matchers = globs
    .map(glob => glob.trim())
    .filter(Boolean)
    .map(glob => {
      const negated = glob.startsWith('!');
      const body = (negated ? glob.slice(1) : glob).replace(/^\.\//, '').replace(/\/+$/, '');
      return { negated, matcher: new Minimatch(body, { dot: true }) };
    });
  if (matchers.length === 0) return () => false;
  return path => {
    const parts = path.split('/');
    // The file itself and each folder above it.
    const candidates = parts.map((_part, index) => parts.slice(0, index + 1).join('/'));
    let ignored = false;
    for (const { negated, matcher } of matchers) {
      if (candidates.some(candidate => matcher.match(candidate))) ignored = !negated;
    }
    return ignored;
  };
}
