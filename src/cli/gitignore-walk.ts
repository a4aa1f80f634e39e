// The folder walk used outside git: `.gitignore` files are read on the way down (each applies
// to its own folder, as git applies them), and build output and dependencies are never entered.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import ignore, { type Ignore } from 'ignore';

interface Rules {
  readonly base: string;
  readonly rules: Ignore;
}

function rulesOf(dir: string): Rules | undefined {
  let text: string;
  try {
    text = readFileSync(join(dir, '.gitignore'), 'utf8');
  } catch {
    return undefined;
  }
  return { base: dir, rules: ignore().add(text) };
}

function ignoredBy(stack: readonly Rules[], full: string, isDirectory: boolean): boolean {
  return stack.some(({ base, rules }) => {
    const path = relative(base, full).split(sep).join('/');
    return path !== '' && rules.ignores(isDirectory ? `${path}/` : path);
  });
}

/** Absolute paths of the files under `dir`, sorted by name per folder. */
export function walkFiles(dir: string, skippedDirs: ReadonlySet<string>, out: string[] = [], stack: readonly Rules[] = []): string[] {
  let entries;
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    return out;
  }
  const own = rulesOf(dir);
  const rules = own ? [...stack, own] : stack;
  for (const entry of entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
    const full = join(dir, entry.name);
    if (entry.isDirectory()) {
      if (!skippedDirs.has(entry.name) && !ignoredBy(rules, full, true)) walkFiles(full, skippedDirs, out, rules);
    } else if (entry.isFile() && !ignoredBy(rules, full, false)) {
      out.push(full);
    }
  }
  return out;
}
