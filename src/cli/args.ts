// Command-line parsing with node:util parseArgs, and the usage text of each command.
import { parseArgs } from 'node:util';
import { UsageError } from './files.js';
import { TRANSFORM_NAMES, type TransformName } from '../rewrite/transforms.js';

const FILES_NOTE = `Paths default to the current folder. Inside a git repository the files are git's
(tracked and untracked, .gitignore respected; outside git the .gitignore files are read);
node_modules, dist, build, coverage, .next and cdk.out are always skipped, and so are the
\`ignores\` of the project's eslint.config.* and every --ignore glob.`;

const COMMON_OPTIONS = `Common options:
  --ignore <glob>             Skip matching files or folders (repeatable; relative to --cwd)
  --memoizers <a,b>           Your memoizing functions (their arguments run once)
  --progress                  Progress on stderr even when it is not a terminal
  --cwd <dir>                 Run as if started in <dir>
  -h, --help                  Show this help
  -v, --version               Print the version`;

const SCAN_OPTIONS = `scan options:
  --format <text|json|sarif|rdjson>
                              Output format (default text); --json is --format json;
                              rdjson is reviewdog's diagnostic format, with suggested changes
  --config <recommended|strict>
                              Rule set (default recommended: the high-precision rules)
  --changed-since <git-ref>   Report only findings on lines added or changed since the merge
                              base with <git-ref> (commits, work tree and untracked files)`;

const FIX_OPTIONS = `fix options:
  --config <recommended|strict>
                              Rewrite what scan reports with the same config (default recommended)
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
  --shared-module <file>      Module that holds providers shared across files (default: in
                              each package's source folder, aws-credentials.shared.ts or .js)
  --no-shared-module          Do not merge identical providers across files
  --no-package-json           Do not add dependencies to package.json
  --no-typecheck              Skip the TypeScript check of rewritten files (by default a file
                              whose rewrite adds a type error under its tsconfig is skipped)`;

const USAGE = `Usage: aws-credentials <command> [options] [paths...]

Commands:
  scan [paths]   Report credential providers, STS calls and SDK clients built per request
                 (the plugin's rules with a built-in config; no ESLint config needed).
                 Exit 0: clean, 1: findings, 2: usage error or unparsable files only.
  fix [paths]    Rewrite them to shared, auto-refreshing instances (the codemods), then
                 merge identical providers across files into one shared module.
                 Exit 0: done, 1: some files could not be processed, 2: usage error.

Run \`aws-credentials <command> --help\` for the options of one command.

${FILES_NOTE}

${SCAN_OPTIONS}

${FIX_OPTIONS}

${COMMON_OPTIONS}
`;

const SCAN_USAGE = `Usage: aws-credentials scan [options] [paths...]

Report credential providers, STS calls and SDK clients built per request, with the plugin's
rules and a built-in config (no ESLint config needed).
Exit 0: clean, 1: findings, 2: usage error or unparsable files only.

${FILES_NOTE}

${SCAN_OPTIONS}

${COMMON_OPTIONS}
`;

const FIX_USAGE = `Usage: aws-credentials fix [options] [paths...]

Rewrite what \`scan\` reports to shared, auto-refreshing instances, then merge identical
providers across files into one shared module per package.
Exit 0: done, 1: some files could not be processed, 2: usage error.

${FILES_NOTE}

${FIX_OPTIONS}

${COMMON_OPTIONS}
`;

export type Command = 'scan' | 'fix';

export function usageOf(command: Command | undefined): string {
  return command === 'scan' ? SCAN_USAGE : command === 'fix' ? FIX_USAGE : USAGE;
}

export interface CommonArgs {
  readonly paths: string[];
  readonly cwd?: string;
  readonly memoizers: string[];
  /** Globs of files and folders to skip, relative to the cwd. */
  readonly ignore: string[];
  /** Progress on stderr even when it is not a terminal. */
  readonly progress: boolean;
}
export type ScanFormat = 'text' | 'json' | 'sarif' | 'rdjson';
export interface ScanArgs extends CommonArgs {
  readonly command: 'scan';
  readonly format: ScanFormat;
  readonly config: 'recommended' | 'strict';
  readonly changedSince?: string;
}
export interface FixArgs extends CommonArgs {
  readonly command: 'fix';
  /** The same rule set as `scan --config`: fix rewrites exactly what scan reports. */
  readonly config: 'recommended' | 'strict';
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
export type Args =
  | ScanArgs
  | FixArgs
  | { readonly command: 'help'; readonly topic?: Command }
  | { readonly command: 'version' };

const OPTIONS = {
  help: { type: 'boolean', short: 'h' },
  version: { type: 'boolean', short: 'v' },
  cwd: { type: 'string' },
  memoizers: { type: 'string' },
  ignore: { type: 'string', multiple: true },
  progress: { type: 'boolean' },
  format: { type: 'string' },
  json: { type: 'boolean' },
  config: { type: 'string' },
  'changed-since': { type: 'string' },
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

const SCAN_ONLY = ['format', 'changed-since'] as const;
const FIX_ONLY = ['dry-run', 'diff', 'force', 'transform', 'runtime-module', 'vendor-runtime', 'shared-module', 'no-shared-module', 'no-package-json', 'no-typecheck'] as const;

function oneOf<T extends string>(name: string, value: string | undefined, allowed: readonly T[], fallback: T): T {
  if (value === undefined) return fallback;
  if ((allowed as readonly string[]).includes(value)) return value as T;
  throw new UsageError(`--${name} must be one of ${allowed.join(', ')} (got ${JSON.stringify(value)})`);
}

/** The command named on a command line, if any (so a usage error can print that command's help). */
export function commandOf(argv: readonly string[]): Command | undefined {
  return argv.find((arg): arg is Command => arg === 'scan' || arg === 'fix');
}

export function parseCliArgs(argv: readonly string[]): Args {
  let parsed;
  try {
    parsed = parseArgs({ args: [...argv], options: OPTIONS, allowPositionals: true, strict: true });
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  const { values, positionals } = parsed;
  const [command, ...paths] = positionals;
  if (values.help || command === 'help') {
    const topic = command === 'help' ? paths[0] : command;
    return topic === 'scan' || topic === 'fix' ? { command: 'help', topic } : { command: 'help' };
  }
  if (values.version) return { command: 'version' };
  if (command === undefined) throw new UsageError('missing command: scan or fix');
  if (command !== 'scan' && command !== 'fix') throw new UsageError(`unknown command ${JSON.stringify(command)}: use scan or fix`);
  const misplaced = (command === 'scan' ? FIX_ONLY : SCAN_ONLY).filter(name => values[name] !== undefined);
  if (misplaced.length > 0) throw new UsageError(`--${misplaced[0]} is not an option of ${command}`);
  const common: CommonArgs = {
    paths,
    ...(values.cwd ? { cwd: values.cwd } : {}),
    memoizers: (values.memoizers ?? '').split(',').map(name => name.trim()).filter(Boolean),
    ignore: (values.ignore ?? []).filter(Boolean),
    progress: values.progress === true,
  };
  if (command === 'scan') {
    if (values.json && values.format && values.format !== 'json') throw new UsageError('--json and --format disagree');
    if (values['changed-since'] === '') throw new UsageError('--changed-since needs a git ref (a branch, tag or commit)');
    return {
      command,
      ...common,
      format: values.json ? 'json' : oneOf('format', values.format, ['text', 'json', 'sarif', 'rdjson'] as const, 'text'),
      config: oneOf('config', values.config, ['recommended', 'strict'] as const, 'recommended'),
      ...(values['changed-since'] ? { changedSince: values['changed-since'] } : {}),
    };
  }
  if (values['vendor-runtime'] && values['runtime-module']) throw new UsageError('use either --vendor-runtime or --runtime-module, not both');
  if (values['vendor-runtime'] && !/\.(c|m)?js$/.test(values['vendor-runtime'])) {
    throw new UsageError(`--vendor-runtime needs a .js, .mjs or .cjs file name (got ${values['vendor-runtime']})`);
  }
  return {
    command,
    ...common,
    config: oneOf('config', values.config, ['recommended', 'strict'] as const, 'recommended'),
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
