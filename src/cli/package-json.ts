// Add a package to `dependencies` of the nearest package.json (moving our own plugin there from
// devDependencies), keeping the file's indentation (2 or 4 spaces, tabs), line endings, trailing
// newline, key order and every byte it does not need to touch (jsonc-parser's minimal edits: a
// one-line array stays on one line).
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { applyEdits, modify, type FormattingOptions } from 'jsonc-parser';

export function nearestPackageJson(fromFile: string, stopAt?: string): string | undefined {
  const stop = stopAt ? resolve(stopAt) : undefined;
  for (let dir = dirname(resolve(fromFile)); ; dir = dirname(dir)) {
    const candidate = join(dir, 'package.json');
    if (existsSync(candidate)) return candidate;
    if (dir === stop || dirname(dir) === dir) return undefined;
  }
}

/** jsonc-parser's formatting for new text: the file's own indentation and line ends. */
function formattingOf(text: string): FormattingOptions {
  const match = /^[ \t]*\{\s*?\r?\n([ \t]+)\S/.exec(text);
  const indent = match?.[1] ?? '  ';
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  return indent.includes('\t') ? { insertSpaces: false, tabSize: 1, eol } : { insertSpaces: true, tabSize: indent.length, eol };
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
  const formattingOptions = formattingOf(text);
  let next = text;
  if (name in dev) {
    range = dev[name]!;
    // An emptied devDependencies stays (as `{}`): the other keys keep their places.
    const emptied = Object.keys(dev).length === 1;
    next = applyEdits(next, modify(next, emptied ? ['devDependencies'] : ['devDependencies', name], emptied ? {} : undefined, { formattingOptions }));
  }
  if (json.dependencies !== undefined && typeof json.dependencies === 'object') {
    const sortedAt = (properties: string[]): number => (isSorted(properties) ? properties.filter((key) => key.localeCompare(name) < 0).length : properties.length);
    return applyEdits(next, modify(next, ['dependencies', name], range, { formattingOptions, getInsertionIndex: sortedAt }));
  }
  // Conventional spot for a new object: before devDependencies/peerDependencies/optionalDependencies, else at the end.
  const beforeKey = (properties: string[]): number => {
    const index = properties.findIndex((key) => key === 'devDependencies' || key === 'peerDependencies' || key === 'optionalDependencies');
    return index >= 0 ? index : properties.length;
  };
  return applyEdits(next, modify(next, ['dependencies'], { [name]: range }, { formattingOptions, getInsertionIndex: beforeKey }));
}
