// Where this package is installed, found without `import.meta` or `__dirname` so the same code
// works compiled to ESM and to CommonJS: walk up from the running module (CommonJS), the bin
// script (`process.argv[1]`), then the current directory.
import { existsSync, readFileSync, realpathSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

export const PACKAGE_NAME = 'eslint-plugin-aws-credentials';

function isOurPackage(dir: string): boolean {
  const file = join(dir, 'package.json');
  if (!existsSync(file)) return false;
  try {
    return (JSON.parse(readFileSync(file, 'utf8')) as { name?: unknown }).name === PACKAGE_NAME;
  } catch {
    return false;
  }
}

function walkUp(start: string): string | undefined {
  for (let dir = resolve(start); ; dir = dirname(dir)) {
    if (isOurPackage(dir)) return dir;
    const candidate = join(dir, 'node_modules', PACKAGE_NAME);
    if (isOurPackage(candidate)) return candidate;
    if (dirname(dir) === dir) return undefined;
  }
}

let cached: string | undefined;

/** The root folder of the installed eslint-plugin-aws-credentials package. */
export function packageRoot(): string {
  if (cached) return cached;
  const starts: string[] = [];
  if (typeof __filename === 'string') starts.push(dirname(__filename));
  if (process.argv[1]) {
    try {
      starts.push(dirname(realpathSync(process.argv[1])));
    } catch {
      // not a file (a REPL, `node -e`)
    }
  }
  starts.push(process.cwd());
  for (const start of starts) {
    const found = walkUp(start);
    if (found) return (cached = found);
  }
  throw new Error(`cannot find the ${PACKAGE_NAME} package folder (looked above ${starts.join(', ')})`);
}

/** This package's version, from its package.json. */
export function packageVersion(): string {
  try {
    return (JSON.parse(readFileSync(join(packageRoot(), 'package.json'), 'utf8')) as { version: string }).version;
  } catch {
    return '0.0.0';
  }
}
