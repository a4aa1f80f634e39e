// Command-line parsing with node:util parseArgs, and the usage text.
import { parseArgs } from 'node:util';
import { UsageError } from './files.js';
import { TRANSFORM_NAMES, type TransformName } from '../rewrite/transforms.js';

export const USAGE = `Usage: aws-credentials <command> [options] [paths...]

Commands:
  scan [paths]   Report credential providers, STS calls and SDK clients built per request
                 (the plugin's rules with a built-in config; no ESLint config needed).
                 Exit 0: clean, 1: findings, 2: usage error or unparsable files only.
  fix [paths]    Rewrite them to shared, auto-refreshing instances (the codemods), then
                 merge identical providers across files into one shared module.
                 Exit 0: done, 1: some files could not be processed, 2: usage error.

Paths default to the current folder. Inside a git repository the files are git's
(tracked and untracked, .gitignore respected); node_modules, dist, build, coverage,
.next and cdk.out are always skipped.

scan options:
  --format <text|json|sarif>  Output format (default text); --json is --format json
  --config <recommended|strict>
                              Rule set (default recommended: the high-precision rules)

fix options:
  --dry-run                   Write nothing; print the summary (and --diff) only
  --diff                      Print a unified diff of every change
  --json                      Print the summary as JSON (no progress output)
  --force                     Run even if the git work tree has uncommitted changes
  --transform <name>          Apply one transform (default all):
                              ${TRANSFORM_NAMES.join(', ')}
  --runtime-module <module>   Import the runtime from <module>
                              (default eslint-plugin-aws-credentials/runtime)
  --vendor-runtime <file>     Write the runtime into the repository as one dependency-free
                              file (.js, .mjs or .cjs; with a .d.ts in TypeScript projects)
                              and import it by relative path instead of adding a dependency
  --shared-module <file>      Module that holds providers shared across files
                              (default src/aws-credentials.shared.ts, or .js in JS projects)
  --no-shared-module          Do not merge identical providers across files
  --no-package-json           Do not add dependencies to package.json
  --no-typecheck              Skip the TypeScript check of rewritten files (by default a file
                              whose rewrite adds a type error under its tsconfig is skipped)

Common options:
  --memoizers <a,b>           Your memoizing functions (their arguments run once)
  --cwd <dir>                 Run as if started in <dir>
  -h, --help                  Show this help
  -v, --version               Print the version
`;

export interface CommonArgs {
  readonly paths: string[];
  readonly cwd?: string;
  readonly memoizers: string[];
}
export interface ScanArgs extends CommonArgs {
  readonly command: 'scan';
  readonly format: 'text' | 'json' | 'sarif';
  readonly config: 'recommended' | 'strict';
}
export interface FixArgs extends CommonArgs {
  readonly command: 'fix';
  readonly dryRun: boolean;
  readonly diff: boolean;
  readonly json: boolean;
  readonly force: boolean;
  readonly transform: TransformName;
  readonly runtimeModule?: string;
  readonly vendorRuntime?: string;
  readonly sharedModule?: string;
  readonly noSharedModule: boolean;
  readonly noPackageJson: boolean;
  readonly noTypecheck: boolean;
}
export type Args = ScanArgs | FixArgs | { readonly command: 'help' } | { readonly command: 'version' };

const OPTIONS = {
  help: { type: 'boolean', short: 'h' },
  version: { type: 'boolean', short: 'v' },
  cwd: { type: 'string' },
  memoizers: { type: 'string' },
  format: { type: 'string' },
  json: { type: 'boolean' },
  config: { type: 'string' },
  'dry-run': { type: 'boolean' },
  diff: { type: 'boolean' },
  force: { type: 'boolean' },
  transform: { type: 'string' },
  'runtime-module': { type: 'string' },
  'vendor-runtime': { type: 'string' },
  'shared-module': { type: 'string' },
  'no-shared-module': { type: 'boolean' },
  'no-package-json': { type: 'boolean' },
  'no-typecheck': { type: 'boolean' },
} as const;

const SCAN_ONLY = ['format', 'config'] as const;
const FIX_ONLY = ['dry-run', 'diff', 'force', 'transform', 'runtime-module', 'vendor-runtime', 'shared-module', 'no-shared-module', 'no-package-json', 'no-typecheck'] as const;

function oneOf<T extends string>(name: string, value: string | undefined, allowed: readonly T[], fallback: T): T {
  if (value === undefined) return fallback;
  if ((allowed as readonly string[]).includes(value)) return value as T;
  throw new UsageError(`--${name} must be one of ${allowed.join(', ')} (got ${JSON.stringify(value)})`);
}

export function parseCliArgs(argv: readonly string[]): Args {
  let parsed;
  try {
    parsed = parseArgs({ args: [...argv], options: OPTIONS, allowPositionals: true, strict: true });
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  const { values, positionals } = parsed;
  if (values.help) return { command: 'help' };
  if (values.version) return { command: 'version' };
  const [command, ...paths] = positionals;
  if (command === undefined) throw new UsageError('missing command: scan or fix');
  if (command === 'help') return { command: 'help' };
  if (command !== 'scan' && command !== 'fix') throw new UsageError(`unknown command ${JSON.stringify(command)}: use scan or fix`);
  const misplaced = (command === 'scan' ? FIX_ONLY : SCAN_ONLY).filter(name => values[name] !== undefined);
  if (misplaced.length > 0) throw new UsageError(`--${misplaced[0]} is not an option of ${command}`);
  const common: CommonArgs = {
    paths,
    ...(values.cwd ? { cwd: values.cwd } : {}),
    memoizers: (values.memoizers ?? '').split(',').map(name => name.trim()).filter(Boolean),
  };
  if (command === 'scan') {
    if (values.json && values.format && values.format !== 'json') throw new UsageError('--json and --format disagree');
    return {
      command,
      ...common,
      format: values.json ? 'json' : oneOf('format', values.format, ['text', 'json', 'sarif'] as const, 'text'),
      config: oneOf('config', values.config, ['recommended', 'strict'] as const, 'recommended'),
    };
  }
  if (values['vendor-runtime'] && values['runtime-module']) throw new UsageError('use either --vendor-runtime or --runtime-module, not both');
  if (values['vendor-runtime'] && !/\.(c|m)?js$/.test(values['vendor-runtime'])) {
    throw new UsageError(`--vendor-runtime needs a .js, .mjs or .cjs file name (got ${values['vendor-runtime']})`);
  }
  return {
    command,
    ...common,
    dryRun: values['dry-run'] === true,
    diff: values.diff === true,
    json: values.json === true,
    force: values.force === true,
    transform: oneOf('transform', values.transform, TRANSFORM_NAMES, 'all'),
    ...(values['runtime-module'] ? { runtimeModule: values['runtime-module'] } : {}),
    ...(values['vendor-runtime'] ? { vendorRuntime: values['vendor-runtime'] } : {}),
    ...(values['shared-module'] ? { sharedModule: values['shared-module'] } : {}),
    noSharedModule: values['no-shared-module'] === true,
    noPackageJson: values['no-package-json'] === true,
    noTypecheck: values['no-typecheck'] === true,
  };
}
