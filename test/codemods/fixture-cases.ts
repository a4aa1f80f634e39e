// Fixture discovery shared by the fixture and type-check specs:
// codemods/<transform>/__fixtures__/<category>/<case>.input.<ext> and .output.<ext>.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

export const ROOT = join(__dirname, '..', '..');
const CODEMODS = join(ROOT, 'codemods');

export interface FixtureCase {
  readonly transform: string;
  readonly category: string;
  readonly name: string;
  readonly extension: string;
  readonly input: string;
  readonly output: string;
  /** `codemods/<transform>/__fixtures__/<category>/<name>` */
  readonly id: string;
}

function walk(dir: string, out: string[]): void {
  for (const entry of readdirSync(dir)) {
    const full = join(dir, entry);
    if (statSync(full).isDirectory()) walk(full, out);
    else out.push(full);
  }
}

export function fixtureCases(): FixtureCase[] {
  const cases: FixtureCase[] = [];
  for (const transform of readdirSync(CODEMODS).sort()) {
    const fixtures = join(CODEMODS, transform, '__fixtures__');
    if (!existsSync(fixtures)) continue;
    const files: string[] = [];
    walk(fixtures, files);
    for (const input of files.sort()) {
      const match = /^(.*)\.input\.([a-z]+)$/.exec(input);
      if (!match) continue;
      const [, base, extension] = match as unknown as [string, string, string];
      const rel = relative(fixtures, base).split(/[\\/]/);
      cases.push({
        transform,
        category: rel.slice(0, -1).join('/'),
        name: rel[rel.length - 1]!,
        extension,
        input,
        output: `${base}.output.${extension}`,
        id: relative(ROOT, base).split(/[\\/]/).join('/'),
      });
    }
  }
  return cases;
}

/** Cases whose output must equal the input (and that say why in a report, unless nothing applies). */
export function expectsUnchanged(fixture: FixtureCase): boolean {
  return /^(manual-|nothing-to-do|unparsable|local-)/.test(fixture.name);
}
