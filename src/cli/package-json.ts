// Add a package to `dependencies` of the nearest package.json (moving our own plugin there from
// devDependencies), keeping the file's indentation (2 or 4 spaces, tabs), line endings, trailing
// newline and key order.
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

export function nearestPackageJson(fromFile: string, stopAt?: string): string | undefined {
  const stop = stopAt ? resolve(stopAt) : undefined;
  for (let dir = dirname(resolve(fromFile)); ; dir = dirname(dir)) {
    const candidate = join(dir, 'package.json');
    if (existsSync(candidate)) return candidate;
    if (dir === stop || dirname(dir) === dir) return undefined;
  }
}

function indentOf(text: string): string | number {
  const match = /^[ \t]*\{\s*?\r?\n([ \t]+)\S/.exec(text);
  if (!match) return 2;
  const indent = match[1]!;
  return indent.includes('\t') ? '\t' : indent.length;
}

function isSorted(keys: readonly string[]): boolean {
  return keys.every((key, index) => index === 0 || keys[index - 1]!.localeCompare(key) <= 0);
}

/** The runtime package: imported by rewritten code at run time, so a production dependency. */
const RUNTIME_PACKAGE = 'eslint-plugin-aws-credentials';

/**
 * The new text of a package.json with `name@range` in `dependencies`, or undefined when it is
 * already there (in dependencies, or in peerDependencies, which the consumer installs).
 * A new key goes in sorted position if the existing keys are sorted, else at the end.
 * Our plugin listed in devDependencies (the lint install) moves to dependencies with its range:
 * rewritten code imports its runtime in production, and one entry is all a manifest may hold.
 * Any other package in devDependencies only is left where the owner put it.
 */
export function withDependency(text: string, name: string, range: string): string | undefined {
  const json = JSON.parse(text) as Record<string, unknown>;
  const dependencies = (json.dependencies ?? {}) as Record<string, string>;
  const peers = (json.peerDependencies ?? {}) as Record<string, string>;
  const dev = (json.devDependencies ?? {}) as Record<string, string>;
  if (json.name === name || name in dependencies || name in peers || (name !== RUNTIME_PACKAGE && name in dev)) return undefined;
  if (name in dev) {
    range = dev[name]!;
    // An emptied devDependencies stays (as `{}`): the other keys keep their places.
    json.devDependencies = Object.fromEntries(Object.entries(dev).filter(([key]) => key !== name));
  }
  const keys = Object.keys(dependencies);
  let entries = Object.entries(dependencies);
  if (isSorted(keys)) {
    entries.push([name, range]);
    entries = entries.sort(([a], [b]) => a.localeCompare(b));
  } else {
    entries.push([name, range]);
  }
  const next: Record<string, unknown> = {};
  let placed = false;
  for (const [key, value] of Object.entries(json)) {
    if (key === 'dependencies') {
      next.dependencies = Object.fromEntries(entries);
      placed = true;
    } else {
      next[key] = value;
    }
  }
  if (!placed) {
    // Conventional spot: before devDependencies/peerDependencies if present, else at the end.
    const ordered: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(next)) {
      if (!placed && (key === 'devDependencies' || key === 'peerDependencies' || key === 'optionalDependencies')) {
        ordered.dependencies = Object.fromEntries(entries);
        placed = true;
      }
      ordered[key] = value;
    }
    if (!placed) ordered.dependencies = Object.fromEntries(entries);
    return serialize(ordered, text);
  }
  return serialize(next, text);
}

function serialize(value: unknown, original: string): string {
  const eol = original.includes('\r\n') ? '\r\n' : '\n';
  let out = JSON.stringify(value, null, indentOf(original));
  if (eol !== '\n') out = out.replace(/\n/g, eol);
  return /\r?\n$/.test(original) ? out + eol : out;
}
