// The project step per package: in a monorepo each package (nearest package.json) gets its own
// shared module in its own source folder (`src/` when it has one), shared only by its own files,
// so no import climbs out of a package. `--shared-module <file>` names one module for all files.
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { isTypeScript, nearestTsconfig } from '../rewrite/module-style.js';
import { shareProviders, type ShareInput } from '../rewrite/project-step/share-providers.js';
import type { TypeProblem } from '../rewrite/project-step/typecheck.js';
import { nearestPackageJson } from './package-json.js';

export interface SharedModuleResult {
  readonly file: string;
  readonly before: string | undefined;
  readonly after: string;
  readonly importsBefore: ReadonlySet<string>;
  readonly importsAfter: ReadonlySet<string>;
  /** Export name -> files importing it. */
  readonly exports: Record<string, readonly string[]>;
}

export interface ShareByPackageResult {
  /** New text of each participating file. */
  readonly files: ReadonlyMap<string, string>;
  /** Per file, the module specifiers it no longer imports from. */
  readonly dropped: ReadonlyMap<string, ReadonlySet<string>>;
  readonly modules: readonly SharedModuleResult[];
  readonly typeErrors: readonly TypeProblem[];
}

export interface ShareByPackageInput extends Omit<ShareInput, 'sharedModule'> {
  readonly cwd: string;
  /** Where package.json lookups stop (the git work tree root). */
  readonly root: string | undefined;
  /** `--shared-module`, relative to cwd: one module for every file. */
  readonly sharedModule?: string;
}

/** `<package>/src/aws-credentials.shared.ts` (or `.js`, or at the package root without `src/`). */
function defaultSharedModule(packageDir: string, files: readonly string[]): string {
  const dir = existsSync(join(packageDir, 'src')) ? join(packageDir, 'src') : packageDir;
  const typescript = files.some(isTypeScript) && (existsSync(join(packageDir, 'tsconfig.json')) || files.some(file => nearestTsconfig(file) !== undefined));
  return join(dir, `aws-credentials.shared.${typescript ? 'ts' : 'js'}`);
}

function packageDirOf(file: string, input: ShareByPackageInput): string {
  const manifest = nearestPackageJson(file, input.root ?? input.cwd);
  return manifest ? dirname(manifest) : (input.root ?? input.cwd);
}

export function shareByPackage(input: ShareByPackageInput): ShareByPackageResult {
  type Texts = ShareInput['files'] extends ReadonlyMap<string, infer T> ? T : never;
  const groups = new Map<string, Map<string, Texts>>();
  for (const [file, texts] of input.files) {
    const key = input.sharedModule ? resolve(input.cwd, input.sharedModule) : packageDirOf(file, input);
    const group = groups.get(key) ?? new Map<string, Texts>();
    group.set(file, texts);
    groups.set(key, group);
  }
  const files = new Map<string, string>();
  const dropped = new Map<string, ReadonlySet<string>>();
  const modules: SharedModuleResult[] = [];
  const typeErrors: TypeProblem[] = [];
  for (const [key, group] of groups) {
    const sharedModule = input.sharedModule ? key : defaultSharedModule(key, [...group.keys()]);
    const { cwd: _cwd, root: _root, sharedModule: _given, ...rest } = input;
    const result = shareProviders({ ...rest, files: group, sharedModule });
    for (const [file, text] of result.files) files.set(file, text);
    for (const [file, specifiers] of result.dropped) dropped.set(file, specifiers);
    if (result.module) modules.push({ file: sharedModule, ...result.module, exports: result.exports });
    typeErrors.push(...result.typeErrors);
  }
  return { files, dropped, modules, typeErrors };
}
