// Module summaries for cross-file analysis, in the manner of import plugins' export maps: each
// project module is read and parsed at most once per process (cached by path and mtime) and kept
// only as a summary, what each of its exports creates on every call; rules get the summary, never
// the other file's tree. Re-exports (`export { a } from`, `export *`, `export * as ns`) are followed.
import { readFileSync, statSync } from 'node:fs';
import { dirname, relative } from 'node:path';
import type { TSESTree } from '@typescript-eslint/utils';
import { mentionsAws as mentionsAwsText } from '../catalog/index.js';
import { parseSource } from '../analysis/parse.js';
import { summarizeExports } from '../analysis/sites.js';
import type { Creation, ProjectLookup } from '../analysis/types.js';
import { resolveModule } from './resolve-module.js';
import { SPECIFIER } from './specifiers.js';
import { calledByApplicationImporters, importedOnlyByRunOnce } from './importers.js';
import { projectRootOf } from './project-root.js';
import { isLambdaPackage } from './deploy-target.js';

interface ReExport {
  readonly specifier: string;
  /** `export { imported as exported } from`; `*` for `export *`; a namespace name for `export * as ns`. */
  readonly imported: string;
  readonly exported: string;
}

interface ModuleSummary {
  readonly mtimeMs: number;
  readonly creations: ReadonlyMap<string, readonly Creation[]>;
  readonly reExports: readonly ReExport[];
}

const EMPTY: Omit<ModuleSummary, 'mtimeMs'> = { creations: new Map(), reExports: [] };

function importsCreatingModule(text: string, file: string): boolean {
  for (const match of text.matchAll(SPECIFIER)) {
    const specifier = match[1]!;
    if (specifier.startsWith('node:')) continue;
    const target = resolveModule(specifier, file);
    if (target && mayCreateIn(target)) return true;
  }
  return false;
}

const summaries = new Map<string, ModuleSummary>();
const inProgress = new Set<string>();

function mtimeOf(file: string): number | undefined {
  try {
    return statSync(file).mtimeMs;
  } catch {
    return undefined;
  }
}

/** An export name: an identifier, or a string literal (`export { x as "a-b" }`). */
function nameOf(node: TSESTree.Node): string {
  return node.type === 'Identifier' ? node.name : node.type === 'Literal' ? String(node.value) : '';
}

/** Top-level import bindings: local name -> where it comes from (`*` for a namespace import). */
function importsOf(program: TSESTree.Program): Map<string, { specifier: string; imported: string }> {
  const imports = new Map<string, { specifier: string; imported: string }>();
  for (const statement of program.body) {
    if (statement.type !== 'ImportDeclaration' || statement.importKind === 'type') continue;
    for (const specifier of statement.specifiers) {
      const imported = specifier.type === 'ImportNamespaceSpecifier' ? '*' : specifier.type === 'ImportDefaultSpecifier' ? 'default' : nameOf(specifier.imported);
      imports.set(specifier.local.name, { specifier: statement.source.value, imported });
    }
  }
  return imports;
}

function reExportsOf(program: TSESTree.Program): ReExport[] {
  const found: ReExport[] = [];
  const imports = importsOf(program);
  for (const statement of program.body) {
    // `import { A } from './a'; export { A }`, `import * as H from './h'; export { H }`.
    if (statement.type === 'ExportNamedDeclaration' && !statement.source && statement.exportKind !== 'type') {
      for (const specifier of statement.specifiers) {
        const origin = imports.get(nameOf(specifier.local));
        if (origin && specifier.exportKind !== 'type') found.push({ specifier: origin.specifier, imported: origin.imported, exported: nameOf(specifier.exported) });
      }
    }
    if (statement.type === 'ExportAllDeclaration') {
      const exported = statement.exported ? nameOf(statement.exported) : '*';
      found.push({ specifier: statement.source.value, imported: '*', exported });
    } else if (statement.type === 'ExportNamedDeclaration' && statement.source) {
      for (const specifier of statement.specifiers) {
        found.push({ specifier: statement.source.value, imported: nameOf(specifier.local), exported: nameOf(specifier.exported) });
      }
    }
  }
  return found;
}

/** `path:line` relative to the file's project root, as messages show it. */
function displayPath(file: string): string {
  return relative(projectRootOf(file) ?? dirname(file), file).split('\\').join('/');
}

function summarize(file: string): Omit<ModuleSummary, 'mtimeMs'> {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    return EMPTY;
  }
  const mentionsAws = mentionsAwsText(text);
  // A module that mentions no AWS API creates something only through a module it imports: read its
  // specifiers from the text and parse it only when one of them leads to something that creates.
  if (!mentionsAws && !importsCreatingModule(text, file)) return EMPTY;
  let parsed;
  try {
    parsed = parseSource(text, file);
  } catch {
    return EMPTY; // a file that does not parse creates nothing we can see
  }
  const creations = summarizeExports({ ast: parsed.ast, scopeManager: parsed.scopeManager, text, filename: file, projectPath: displayPath(file) }, { project: lookupFor(file), lambdaPackage: isLambdaPackage(file) });
  return { creations, reExports: reExportsOf(parsed.ast) };
}

function summaryOf(file: string): Omit<ModuleSummary, 'mtimeMs'> {
  const mtimeMs = mtimeOf(file);
  if (mtimeMs === undefined) return EMPTY;
  const known = summaries.get(file);
  if (known && known.mtimeMs === mtimeMs) return known;
  if (inProgress.has(file)) return EMPTY; // an import cycle: the inner visit sees nothing
  inProgress.add(file);
  try {
    const summary = { mtimeMs, ...summarize(file) };
    summaries.set(file, summary);
    return summary;
  } finally {
    inProgress.delete(file);
  }
}

/** What calling export path `name` of `file` creates, following re-exports (bounded depth). */
function creationsIn(file: string, name: string, depth = 0): readonly Creation[] | undefined {
  if (depth > 8) return undefined;
  const summary = summaryOf(file);
  // `module.exports = Spotify` is summarised as `default.*`; `require('./spotify').getToken()` reaches it.
  // `export default { get }` is summarised under `get`; `import s3 from './s3'; s3.get()` calls `default.get`.
  const direct = summary.creations.get(name) ?? summary.creations.get(`default.${name}`) ?? (name.startsWith('default.') ? summary.creations.get(name.slice('default.'.length)) : undefined);
  if (direct && direct.length > 0) return direct;
  const [call, ...rest] = name.split('.');
  // `createStsClient().assumeRole`: the re-export names `createStsClient`.
  const head = call!.replace(/\(\)$/, '');
  const called = call!.slice(head.length);
  for (const reExport of summary.reExports) {
    const target = resolveModule(reExport.specifier, file);
    if (!target) continue;
    if (reExport.imported === '*' && reExport.exported === '*') {
      const found = creationsIn(target, name, depth + 1);
      if (found) return found;
    } else if (reExport.imported === '*' && reExport.exported === head && rest.length > 0 && !called) {
      const found = creationsIn(target, rest.join('.'), depth + 1);
      if (found) return found;
    } else if (reExport.exported === head) {
      const found = creationsIn(target, [reExport.imported + called, ...rest].join('.'), depth + 1);
      if (found) return found;
    }
  }
  return undefined;
}

function mayCreateIn(file: string, depth = 0): boolean {
  if (depth > 8) return false;
  const summary = summaryOf(file);
  if ([...summary.creations.values()].some((list) => list.length > 0)) return true;
  return summary.reExports.some((reExport) => {
    const target = resolveModule(reExport.specifier, file);
    return !!target && mayCreateIn(target, depth + 1);
  });
}

/** The cross-file lookup for one file being analysed. */
export function lookupFor(file: string): ProjectLookup {
  const where = displayPath(file);
  return {
    creationsOf(specifier, name) {
      const target = resolveModule(specifier, file);
      return target ? creationsIn(target, name) : undefined;
    },
    creationsAt: (target, name) => creationsIn(target, name),
    mayCreate(specifier) {
      const target = resolveModule(specifier, file);
      return !!target && mayCreateIn(target);
    },
    whereIs: (line) => `${where}:${line}`,
    importedOnlyByRunOnce: (reaching) => importedOnlyByRunOnce(file, reaching),
    calledByImporters: (name) => calledByApplicationImporters(file, name),
  };
}
