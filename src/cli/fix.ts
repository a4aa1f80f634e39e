// `aws-credentials fix`: plan every change in memory (per-file rewrites, the shared module,
// the vendored runtime, package.json), check each output parses, then write them atomically.
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { DEFAULT_RUNTIME_MODULE } from '../analysis/types.js';
import { meta } from '../index.js';
import { mentionsAws } from '../catalog/index.js';
import { fixableModules } from '../rewrite/project-modules.js';
import { mapLine } from '../rewrite/location.js';
import { rewriteSource, type ModuleImports } from '../rewrite/rewrite-source.js';
import type { Declared } from '../analysis/fix-plan/apply.js';
import { PROVIDERS_MODULE } from '../analysis/fix-plan/assume-role.js';
import { TRANSFORM_RULES } from '../rewrite/transforms.js';
import { selectorFor } from '../rules-support/selection.js';
import { ruleSettings } from './eslint-config.js';
import type { FixArgs } from './args.js';
import { unifiedDiff } from './diff.js';
import { selectSourceFiles, UsageError } from './files.js';
import { listProjectFiles } from './project-files.js';
import { toPosix } from './findings.js';
import { dirtyFiles, gitRoot } from './git.js';
import { EXIT, type Io } from './io.js';
import { isTypeScript, nearestTsconfig, packageType, relativeSpecifier } from '../rewrite/module-style.js';
import { newTypeErrors } from '../rewrite/project-step/typecheck.js';
import { createProgress } from './progress.js';
import { shareByPackage } from './share-by-package.js';
import { dependencyChanges, type ImportChange } from './dependencies.js';
import { parseProblem } from './reparse.js';
import { formatSummary, runtimeDependencyNotice, summaryCounts, type FileProblem, type FixSummary, type ManualNote } from './summary.js';
import { declarationFileFor, VENDOR_MARKER, vendoredRuntime, vendorFormat } from './vendor-runtime.js';
import { writeFileAtomic } from './write-file.js';
import { relativeSkipped, type SkippedFile } from './skipped.js';

export interface Change {
  /** Absolute path. */
  readonly file: string;
  /** Undefined for a new file. */
  readonly before: string | undefined;
  readonly after: string;
}

export interface FixPlanResult {
  readonly changes: readonly Change[];
  readonly summary: FixSummary;
}

export interface FixOptions extends Omit<FixArgs, 'command' | 'paths' | 'cwd' | 'ignore' | 'progress' | 'config'> {
  /** Default `recommended`, as for scan. */
  readonly config?: 'recommended' | 'strict';
  readonly paths: readonly string[];
  /** `--ignore` globs, relative to the cwd. */
  readonly ignore?: readonly string[];
  /** The built vendored runtime files (default: this package's dist/vendor). */
  readonly runtimeDir?: string;
  readonly onFile?: (file: string) => void;
  /** The files to process, if already listed (absolute paths). */
  readonly files?: readonly string[];
  /** The files the listing skipped as not source, when `files` is given (absolute paths). */
  readonly skipped?: readonly SkippedFile[];
}

const withModules = (modules: readonly string[] | undefined): { availableModules?: readonly string[] } => (modules ? { availableModules: modules } : {});

/** Compute every change `fix` would make, without writing anything. */
export function planFix(cwd: string, options: FixOptions): FixPlanResult {
  const listed = options.files ? { files: options.files, skipped: options.skipped ?? [] } : selectSourceFiles(cwd, options.paths, { ignore: options.ignore ?? [] });
  const files = listed.files;
  const skipped = [...listed.skipped];
  const rules = TRANSFORM_RULES[options.transform];
  // Exactly what `scan --config` reports: the same rules, options and selection.
  const select = selectorFor(ruleSettings({ config: options.config ?? 'recommended', memoizers: options.memoizers }), meta.namespace);
  const vendorPath = options.vendorRuntime ? resolve(cwd, options.vendorRuntime) : undefined;
  const runtimeModuleFor = (file: string): string =>
    vendorPath ? relativeSpecifier(file, vendorPath) : (options.runtimeModule ?? DEFAULT_RUNTIME_MODULE);
  const rel = (file: string): string => toPosix(cwd, file);

  const findings: { rule: string }[] = [];
  const rewrittenByRule: { rule: string }[] = [];
  // Manual notes are positioned in the per-file rewrite; the written text may differ (the shared
  // module step, or the rewrite dropped), so their lines are carried over at the end.
  const manualByFile = new Map<string, { readonly original: string; readonly noted: string; readonly notes: readonly ManualNote[] }>();
  const errors: FileProblem[] = [];
  const outputs = new Map<string, { before: string; after: string; rewritten: readonly { rule: string }[]; declarations: readonly Declared[]; imports: ModuleImports }>();
  const rewrite = (text: string, file: string, definitionLines?: ReadonlySet<number>) =>
    rewriteSource(text, file, {
      rules,
      select,
      runtimeModule: runtimeModuleFor(file),
      memoizers: options.memoizers,
      ...withModules(fixableModules(file, !options.noPackageJson)),
      ...(definitionLines ? { definitionLines } : {}),
    });
  const results = new Map<string, { text: string; result: ReturnType<typeof rewriteSource> }>();
  for (const file of files) {
    options.onFile?.(file);
    let text: string;
    try {
      text = readFileSync(file, 'utf8');
    } catch (error) {
      errors.push({ file: rel(file), message: `cannot read: ${(error as Error).message}` });
      continue;
    }
    results.set(file, { text, result: rewrite(text, file) });
  }
  const fixedDefinitions = fixDefinitions(results, rewrite);
  for (const [file, { text, result }] of results) {
    findings.push(...result.findings);
    if (result.error?.unparsable && !mentionsAws(text)) {
      // Nothing of ours could be in it: not a problem of this run (as `scan` does).
      skipped.push({ file, reason: 'unparsable-without-aws-import' });
      continue;
    }
    if (result.error) {
      errors.push({ file: rel(file), ...result.error });
      continue;
    }
    const notes = result.manual.filter(note => !note.definitions?.every(definition => fixedDefinitions.has(definitionKey(definition)))).map(note => ({ file: rel(file), line: note.line, column: note.column, rule: note.rule, reason: note.name ? `${note.name}: ${note.detail}` : note.detail }));
    if (notes.length > 0) manualByFile.set(file, { original: text, noted: result.text, notes });
    if (!result.changed) continue;
    const problem = parseProblem(file, result.text);
    if (problem) {
      errors.push({ file: rel(file), ...problem, message: `the rewrite would not parse (${problem.message}); file left unchanged` });
      continue;
    }
    outputs.set(file, { before: text, after: result.text, rewritten: result.rewritten, declarations: result.declarations, imports: result.imports });
  }

  // TypeScript files under a tsconfig: a rewrite that adds a type error is skipped and reported
  // (an import of a package the fix adds to package.json is fine until it is installed).
  const installedLater = [options.runtimeModule ?? DEFAULT_RUNTIME_MODULE, PROVIDERS_MODULE];
  if (!options.noTypecheck) {
    const byTsconfig = new Map<string, string[]>();
    for (const file of outputs.keys()) {
      const tsconfig = isTypeScript(file) ? nearestTsconfig(file) : undefined;
      if (tsconfig) byTsconfig.set(tsconfig, [...(byTsconfig.get(tsconfig) ?? []), file]);
    }
    for (const [tsconfig, group] of byTsconfig) {
      const problems = newTypeErrors(
        tsconfig,
        new Map(group.map(file => [file, outputs.get(file)!.before])),
        new Map(group.map(file => [file, outputs.get(file)!.after])),
        installedLater,
      );
      for (const problem of problems) {
        if (outputs.delete(problem.file)) {
          errors.push({ ...problem, file: rel(problem.file), message: `the rewrite would add a type error (${problem.message}); file left unchanged` });
        }
      }
    }
  }
  for (const { rewritten } of outputs.values()) rewrittenByRule.push(...rewritten);

  // Identical providers across files -> one exported instance in each package's shared module.
  const root = gitRoot(cwd);
  const shared = options.noSharedModule
    ? undefined
    : shareByPackage({
        cwd,
        root,
        files: new Map([...outputs].map(([file, { before, after, declarations }]) => [file, { before, after, declarations }])),
        ...(options.sharedModule ? { sharedModule: options.sharedModule } : {}),
        runtimeModuleFor,
        skipTypecheck: options.noTypecheck,
        installedLater,
      });
  const changes: Change[] = [];
  const typeErrors: FileProblem[] = [];
  if (shared) {
    for (const [file, text] of shared.files) {
      const problem = parseProblem(file, text);
      if (problem) {
        errors.push({ file: rel(file), ...problem, message: `the shared-module rewrite would not parse (${problem.message}); kept the per-file rewrite` });
        continue;
      }
      const entry = outputs.get(file);
      // The declaration moved to the shared module: so may the imports only it used.
      const dropped = shared.dropped.get(file) ?? new Set<string>();
      const after = new Set([...(entry?.imports.after ?? [])].filter(module => !dropped.has(module)));
      if (entry) outputs.set(file, { ...entry, after: text, imports: { ...entry.imports, after } });
    }
    for (const problem of shared.typeErrors) typeErrors.push({ ...problem, file: rel(problem.file) });
  }
  for (const [file, { before, after }] of outputs) changes.push({ file, before, after });
  for (const module of shared?.modules ?? []) changes.push({ file: module.file, before: module.before, after: module.after });

  // The runtime: vendored into the repository, or the package added to dependencies.
  let vendoredFiles: string[] | undefined;
  const packageJsonFiles: string[] = [];
  const runtimeDependencyFiles: string[] = [];
  const usesRuntime = changes.length > 0;
  if (usesRuntime && vendorPath) {
    const format = vendorFormat(vendorPath, packageType(vendorPath));
    const vendored = vendoredRuntime(format, options.runtimeDir);
    const wanted: [string, string][] = [[vendorPath, vendored.code]];
    const typescript = [...outputs.keys()].some(file => /\.(c|m)?tsx?$/.test(file)) || existsSync(resolve(cwd, 'tsconfig.json'));
    if (typescript && vendored.declarations) wanted.push([declarationFileFor(vendorPath), vendored.declarations]);
    vendoredFiles = [];
    for (const [file, text] of wanted) {
      const before = existsSync(file) ? readFileSync(file, 'utf8') : undefined;
      if (before !== undefined && !before.includes(VENDOR_MARKER)) {
        throw new UsageError(`${rel(file)} exists and was not written by --vendor-runtime; choose another path`);
      }
      vendoredFiles.push(rel(file));
      if (before !== text) changes.push({ file, before, after: text });
    }
  }
  if (usesRuntime && !options.noPackageJson) {
    const runtimePackageModule = !vendorPath && !options.runtimeModule ? DEFAULT_RUNTIME_MODULE : undefined;
    // What each written file imports, as the rewrite and the shared-module step know it (no re-parse).
    const imported: ImportChange[] = [
      ...[...outputs].map(([file, { imports }]) => ({ file, before: imports.before, after: imports.after })),
      ...(shared?.modules ?? []).map(module => ({ file: module.file, before: module.before === undefined ? undefined : module.importsBefore, after: module.importsAfter })),
    ];
    for (const { added, ...change } of dependencyChanges(imported, { root, runtimePackageModule })) {
      changes.push(change);
      packageJsonFiles.push(rel(change.file));
      if (added.includes(meta.name)) runtimeDependencyFiles.push(rel(change.file));
    }
  }

  const manual: ManualNote[] = [...manualByFile].flatMap(([file, { original, noted, notes }]) => {
    const written = outputs.get(file)?.after ?? original;
    return notes.map(note => ({ ...note, line: mapLine(noted, written, note.line) }));
  });

  const summary: FixSummary = {
    dryRun: options.dryRun,
    filesScanned: files.length,
    findingsByRule: summaryCounts(findings),
    filesRewritten: [...outputs.keys()].map(rel),
    sitesRewritten: rewrittenByRule.length,
    sitesRewrittenByRule: summaryCounts(rewrittenByRule),
    manual,
    errors,
    skipped: relativeSkipped(cwd, skipped),
    shared: (shared?.modules ?? []).map(module => ({
      module: rel(module.file),
      exports: Object.fromEntries(Object.entries(module.exports).map(([name, users]) => [name, users.map(rel)])),
    })),
    typeErrors,
    packageJson: packageJsonFiles,
    runtimeDependency: runtimeDependencyFiles,
    ...(vendoredFiles ? { vendoredRuntime: vendoredFiles } : {}),
  };
  return { changes, summary };
}

export function writeChanges(changes: readonly Change[]): FileProblem[] {
  const failures: FileProblem[] = [];
  for (const change of changes) {
    try {
      writeFileAtomic(change.file, change.after);
    } catch (error) {
      failures.push({ file: change.file, message: `write failed: ${(error as Error).message}` });
    }
  }
  return failures;
}

export async function runFix(args: FixArgs, cwd: string, io: Io): Promise<number> {
  if (!args.dryRun && !args.force && gitRoot(cwd)) {
    const dirty = dirtyFiles(cwd);
    if (dirty.length > 0) {
      io.err(
        `aws-credentials: the git work tree has uncommitted changes:\n${dirty.slice(0, 10).map(line => `  ${line}`).join('\n')}${dirty.length > 10 ? `\n  … ${dirty.length - 10} more` : ''}\n` +
          'Commit or stash them first so the rewrite is easy to review and undo, or pass --force (or --dry-run).\n',
      );
      return EXIT.usage;
    }
  }
  const { files, skipped } = await listProjectFiles(cwd, args, io);
  const progress = createProgress(io, files.length, { enabled: args.progress || (io.errIsTTY && !args.json) });
  let plan: FixPlanResult;
  try {
    plan = planFix(cwd, { ...args, files, skipped, onFile: file => progress.tick(file) });
  } finally {
    progress.done();
  }
  const failures = args.dryRun ? [] : writeChanges(plan.changes).map(failure => ({ ...failure, file: toPosix(cwd, failure.file) }));
  const summary: FixSummary = { ...plan.summary, errors: [...plan.summary.errors, ...failures] };
  const diff = args.diff ? plan.changes.map(change => unifiedDiff(toPosix(cwd, change.file), change.before, change.after)).join('') : '';
  if (args.json) {
    io.out(`${JSON.stringify({ tool: meta.name, version: meta.version, ...summary, ...(args.diff ? { diff } : {}) }, null, 2)}\n`);
  } else {
    if (diff) io.out(diff);
    io.out(formatSummary(summary));
  }
  // On stderr in every format: the dependency `fix` added cannot be installed from npm yet.
  const notice = runtimeDependencyNotice(summary);
  if (notice) io.err(notice);
  return fixExitCode(summary);
}

/**
 * As `scan` exits: 1 when something is left to act on (a rewrite that would not parse or add a
 * type error, a write that failed), else 2 when an input file could not be parsed, else 0.
 */
function fixExitCode(summary: Pick<FixSummary, 'errors'>): number {
  if (summary.errors.some(problem => !problem.unparsable)) return EXIT.findings;
  return summary.errors.length > 0 ? EXIT.usage : EXIT.ok;
}

const definitionKey = (definition: { readonly file: string; readonly line: number }): string => `${definition.file}:${definition.line}`;

/**
 * Cross-file findings are fixed where the factory builds what they report: each definition file
 * of this run is rewritten again with those lines planned as per-invocation sites, so the factory
 * keeps what it builds. Returns the definitions rewritten (their findings need no manual note).
 */
function fixDefinitions(
  results: Map<string, { text: string; result: ReturnType<typeof rewriteSource> }>,
  rewrite: (text: string, file: string, definitionLines?: ReadonlySet<number>) => ReturnType<typeof rewriteSource>,
): Set<string> {
  const linesByFile = new Map<string, Set<number>>();
  for (const { result } of results.values()) {
    for (const definition of result.manual.flatMap(note => note.definitions ?? [])) {
      if (!results.has(definition.file)) continue;
      const lines = linesByFile.get(definition.file) ?? new Set<number>();
      linesByFile.set(definition.file, lines.add(definition.line));
    }
  }
  const fixed = new Set<string>();
  for (const [file, lines] of linesByFile) {
    const known = results.get(file)!;
    if (known.result.error) continue;
    const again = rewrite(known.text, file, lines);
    if (again.error) continue;
    if (!again.rewritten.some(note => note.atDefinition)) continue;
    results.set(file, { text: known.text, result: again });
    for (const line of lines) if (!again.definitionsLeft?.has(line)) fixed.add(definitionKey({ file, line }));
  }
  return fixed;
}
