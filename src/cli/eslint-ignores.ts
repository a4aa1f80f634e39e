// The global `ignores` of the project's own flat config (eslint.config.*), so `scan` and `fix`
// skip what the project's `eslint` skips. Only config objects with `ignores` and no other key
// but `name` are global ignores (ESLint's rule); patterns are relative to the config's folder.
import { existsSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import { globFilter } from './ignore-globs.js';

const CONFIG_NAMES = ['eslint.config.js', 'eslint.config.mjs', 'eslint.config.cjs', 'eslint.config.ts', 'eslint.config.mts', 'eslint.config.cts'];

/** The flat config ESLint would use from `cwd`: the first one found walking up, not above `stopAt`. */
function findEslintConfig(cwd: string, stopAt?: string): string | undefined {
  const stop = stopAt ? resolve(stopAt) : undefined;
  for (let dir = resolve(cwd); ; dir = dirname(dir)) {
    const found = CONFIG_NAMES.map(name => join(dir, name)).find(candidate => existsSync(candidate));
    if (found) return found;
    if (dir === stop || dirname(dir) === dir) return undefined;
  }
}

function globalIgnoresOf(config: unknown): string[] {
  const objects = Array.isArray(config) ? config.flat(Infinity) : [config];
  return objects.flatMap(object => {
    if (!object || typeof object !== 'object') return [];
    const keys = Object.keys(object).filter(key => key !== 'name');
    const ignores = (object as { ignores?: unknown }).ignores;
    return keys.length === 1 && keys[0] === 'ignores' && Array.isArray(ignores) ? ignores.filter((glob): glob is string => typeof glob === 'string') : [];
  });
}

export interface EslintIgnores {
  readonly configFile?: string;
  /** True for an absolute path the config's global ignores skip. */
  readonly ignored: (file: string) => boolean;
  /** Set when the config exists but could not be loaded (its ignores then do not apply). */
  readonly warning?: string;
}

export async function eslintIgnores(cwd: string, stopAt?: string): Promise<EslintIgnores> {
  const configFile = findEslintConfig(cwd, stopAt);
  if (!configFile) return { ignored: () => false };
  let config: unknown;
  try {
    const module = (await import(pathToFileURL(configFile).href)) as { default?: unknown };
    config = await (module.default ?? module);
  } catch (error) {
    const reason = (error as Error).message.split('\n')[0];
    return { configFile, ignored: () => false, warning: `${configFile}: cannot load it (${reason}); its ignores are not applied` };
  }
  const base = dirname(configFile);
  const filter = globFilter(globalIgnoresOf(config));
  return {
    configFile,
    ignored: file => {
      const path = relative(base, file).split(sep).join('/');
      return !path.startsWith('../') && filter(path);
    },
  };
}
