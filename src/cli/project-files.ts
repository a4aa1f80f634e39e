// The files a command runs on: the listed paths, minus `--ignore` globs and the global `ignores`
// of the project's eslint.config.* (a config that cannot be loaded is named on stderr, not fatal).
import type { CommonArgs } from './args.js';
import { eslintIgnores } from './eslint-ignores.js';
import { selectSourceFiles, type SourceFiles } from './files.js';
import { gitRoot } from './git.js';
import type { Io } from './io.js';

export async function listProjectFiles(cwd: string, args: Pick<CommonArgs, 'paths' | 'ignore'>, io: Io): Promise<SourceFiles> {
  const fromEslint = await eslintIgnores(cwd, gitRoot(cwd));
  if (fromEslint.warning) io.err(`aws-credentials: ${fromEslint.warning}\n`);
  return selectSourceFiles(cwd, args.paths, { ignore: args.ignore, ignored: fromEslint.ignored });
}
