// How a file imports: ESM or CommonJS syntax, and whether relative specifiers need an
// extension (Node ESM, CommonJS by habit, TypeScript with node16/nodenext resolution) or not
// (TypeScript with bundler/node10 resolution).
import { existsSync, readFileSync } from 'node:fs';
import { dirname, extname, join, relative, resolve, sep } from 'node:path';
import { ts } from 'ts-morph';

export type ModuleSyntax = 'esm' | 'cjs';

const tsconfigCache = new Map<string, string | undefined>();
const resolutionCache = new Map<string, ts.CompilerOptions | undefined>();

export function isTypeScript(file: string): boolean {
  return /\.(c|m)?tsx?$/.test(file);
}

/** The nearest tsconfig.json above `file`, not looking above the git work tree root. */
export function nearestTsconfig(file: string): string | undefined {
  const start = dirname(resolve(file));
  if (tsconfigCache.has(start)) return tsconfigCache.get(start);
  let found: string | undefined;
  for (let dir = start; ; dir = dirname(dir)) {
    const candidate = join(dir, 'tsconfig.json');
    if (existsSync(candidate)) {
      found = candidate;
      break;
    }
    if (existsSync(join(dir, '.git'))) break;
    if (dirname(dir) === dir) break;
  }
  tsconfigCache.set(start, found);
  return found;
}

/** Compiler options of a tsconfig (with `extends` followed), or undefined if unreadable. */
function compilerOptionsOf(tsconfig: string): ts.CompilerOptions | undefined {
  if (resolutionCache.has(tsconfig)) return resolutionCache.get(tsconfig);
  const read = ts.readConfigFile(tsconfig, path => readFileSync(path, 'utf8'));
  const options = read.error
    ? undefined
    : ts.parseJsonConfigFileContent(read.config, ts.sys, dirname(tsconfig), undefined, tsconfig).options;
  resolutionCache.set(tsconfig, options);
  return options;
}

function tsNeedsExtensions(file: string): boolean {
  const tsconfig = nearestTsconfig(file);
  const options = tsconfig ? compilerOptionsOf(tsconfig) : undefined;
  if (!options) return false;
  const resolution = options.moduleResolution;
  if (resolution === ts.ModuleResolutionKind.Node16 || resolution === ts.ModuleResolutionKind.NodeNext) return true;
  if (resolution === undefined) {
    const module = options.module;
    return module !== undefined && module >= ts.ModuleKind.Node16 && module <= ts.ModuleKind.NodeNext;
  }
  return false;
}

/** `type` of the nearest package.json. */
export function packageType(file: string): 'module' | 'commonjs' {
  for (let dir = dirname(resolve(file)); ; dir = dirname(dir)) {
    const candidate = join(dir, 'package.json');
    if (existsSync(candidate)) {
      try {
        return (JSON.parse(readFileSync(candidate, 'utf8')) as { type?: string }).type === 'module' ? 'module' : 'commonjs';
      } catch {
        return 'commonjs';
      }
    }
    if (dirname(dir) === dir) return 'commonjs';
  }
}

const ESM_SYNTAX = /^\s*(import\s[^(]|import\{|export\s|export\{)/m;
const CJS_SYNTAX = /\brequire\s*\(|\bmodule\.exports\b|\bexports\.\w+\s*=/;

/** ESM or CommonJS, from the extension, then the file's own syntax, then package.json `type`. */
export function moduleSyntaxOf(file: string, text: string): ModuleSyntax {
  const extension = extname(file);
  if (extension === '.mjs' || extension === '.mts') return 'esm';
  if (extension === '.cjs') return 'cjs';
  if (isTypeScript(file)) return 'esm';
  if (ESM_SYNTAX.test(text)) return 'esm';
  if (CJS_SYNTAX.test(text)) return 'cjs';
  return packageType(file) === 'module' ? 'esm' : 'cjs';
}

/** The extension a compiled import of `target` ends with (`.ts` -> `.js`, `.mts` -> `.mjs`). */
function runtimeExtension(target: string): string {
  const extension = extname(target);
  return { '.ts': '.js', '.tsx': '.js', '.mts': '.mjs', '.cts': '.cjs' }[extension] ?? extension;
}

/**
 * The specifier `fromFile` uses to import `targetFile`: relative, `/`-separated, starting with
 * `./` or `../`; with the runtime extension unless a TypeScript file resolves without one.
 */
export function relativeSpecifier(fromFile: string, targetFile: string): string {
  let path = relative(dirname(resolve(fromFile)), resolve(targetFile)).split(sep).join('/');
  if (!path.startsWith('.')) path = `./${path}`;
  const withoutExtension = path.slice(0, path.length - extname(path).length);
  const keepExtension =
    !isTypeScript(fromFile) || tsNeedsExtensions(fromFile) || /\.(c|m)ts$/.test(fromFile) || /\.(c|m)js$/.test(targetFile);
  return keepExtension ? withoutExtension + runtimeExtension(targetFile) : withoutExtension;
}
