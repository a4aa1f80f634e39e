// The project-wide step: after the per-file rewrites, a provider hoisted identically in two or
// more files (same expression after normalisation, same imports) becomes one exported instance
// in one shared module, imported by each of those files under its old local name. Which
// declarations the rewrite created is what its planner said (`TextEdit.declares`, carried in
// `declarations`); the rewritten text is parsed once per file, to read its imports and edit it.
import { existsSync, readFileSync } from 'node:fs';
import { extname } from 'node:path';
import { ts } from 'ts-morph';
import { moduleSyntaxOf, nearestTsconfig, packageType, relativeSpecifier } from '../module-style.js';
import { bindingsOf, canonicalModule, parseModule, type ImportBinding, type ModuleBindings } from './bindings.js';
import { codeStyleOf } from './code-style.js';
import { addImport, removeStatementAndUnusedImports } from './edit-module.js';
import { normalizeExpression } from './normalize.js';
import { renderSharedModule, SHARED_MARKER, type SharedExport } from './shared-module.js';
import { newTypeErrors, type TypeProblem } from './typecheck.js';
import type { Declared } from '../../analysis/fix-plan/apply.js';

export interface ShareInput {
  /** Rewritten files: original, per-file output, and the declarations the rewrite inserted. */
  readonly files: ReadonlyMap<string, { readonly before: string; readonly after: string; readonly declarations: readonly Declared[] }>;
  /** Absolute path of the shared module. */
  readonly sharedModule: string;
  readonly runtimeModuleFor: (file: string) => string;
  /** Skip the TypeScript check. */
  readonly skipTypecheck?: boolean;
  /** Modules the fix adds dependencies on: unresolved until installed, not a new error. */
  readonly installedLater?: readonly string[];
}

export interface ShareResult {
  /** New text of each participating file. */
  readonly files: ReadonlyMap<string, string>;
  /** Per participating file, the module specifiers it no longer imports from (its declaration moved out). */
  readonly dropped: ReadonlyMap<string, ReadonlySet<string>>;
  /** The shared module, and the modules it imports before and after (package specifiers as written). */
  readonly module?: { readonly before: string | undefined; readonly after: string; readonly importsBefore: ReadonlySet<string>; readonly importsAfter: ReadonlySet<string> };
  /** Export name -> files importing it. */
  readonly exports: Record<string, readonly string[]>;
  /** New type errors (when present, nothing is shared: the per-file rewrites stand alone). */
  readonly typeErrors: readonly TypeProblem[];
}

interface Candidate {
  readonly file: string;
  readonly localName: string;
  readonly statement: ts.VariableStatement;
  readonly init: ts.Expression;
  readonly source: ts.SourceFile;
  readonly bindings: ModuleBindings;
  readonly key: string;
  readonly uses: ReadonlySet<string>;
  readonly comments: string;
}

type Format = 'ts' | 'esm' | 'cjs';

/** From the extension; a `.js` module is written in the syntax most of the JavaScript files use, else per package.json `type`. */
function formatOf(sharedModule: string, files: ShareInput['files']): Format {
  const extension = extname(sharedModule);
  if (extension === '.ts' || extension === '.mts') return 'ts';
  if (extension === '.mjs') return 'esm';
  if (extension === '.cjs') return 'cjs';
  let esm = 0;
  let cjs = 0;
  for (const [file, { after }] of files) {
    if (!/\.(c|m)?jsx?$/.test(file)) continue;
    if (moduleSyntaxOf(file, after) === 'esm') esm += 1;
    else cjs += 1;
  }
  if (esm !== cjs) return esm > cjs ? 'esm' : 'cjs';
  return packageType(sharedModule) === 'module' ? 'esm' : 'cjs';
}

function participates(file: string, text: string, format: Format): boolean {
  if (format === 'ts') return /\.(m)?tsx?$/.test(file);
  if (/\.(c|m)?tsx?$/.test(file)) return false;
  return moduleSyntaxOf(file, text) === format;
}

/** The top-level `const name = cacheCredentials(...)` statements the rewrite inserted. */
function candidatesOf(file: string, after: string, declarations: readonly Declared[], runtimeModule: string): Candidate[] {
  const created = new Set(declarations.map(declared => declared.name));
  if (created.size === 0) return [];
  const source = parseModule(file, after);
  const bindings = bindingsOf(source);
  const runtime = canonicalModule(file, runtimeModule);
  const found: Candidate[] = [];
  for (const statement of source.statements) {
    if (!ts.isVariableStatement(statement) || statement.declarationList.declarations.length !== 1) continue;
    if (!(statement.declarationList.flags & ts.NodeFlags.Const)) continue;
    if (ts.getModifiers(statement)?.some(modifier => modifier.kind === ts.SyntaxKind.ExportKeyword)) continue;
    const declaration = statement.declarationList.declarations[0]!;
    if (!ts.isIdentifier(declaration.name) || !created.has(declaration.name.text)) continue;
    const init = declaration.initializer;
    if (!ts.isIdentifier(declaration.name) || declaration.type || !init || !ts.isCallExpression(init) || !ts.isIdentifier(init.expression)) continue;
    const callee = bindings.imports.get(init.expression.text);
    if (!callee || callee.module !== runtime || callee.imported !== 'cacheCredentials') continue;
    const normalized = normalizeExpression(init, source, bindings);
    if (!normalized) continue;
    const comments = (ts.getLeadingCommentRanges(source.text, statement.getFullStart()) ?? [])
      .map(range => source.text.slice(range.pos, range.end))
      .join('\n');
    found.push({ file, localName: declaration.name.text, statement, init, source, bindings, key: normalized.key, uses: normalized.uses, comments });
  }
  return found;
}

/** The initializer's text with each imported identifier renamed to the shared module's local. */
function renamedInit(candidate: Candidate, localFor: (binding: { module: string; specifier: string; imported: string }) => string): string {
  const { init, source, bindings } = candidate;
  const start = init.getStart(source);
  const edits: { start: number; end: number; text: string }[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isIdentifier(node)) {
      const binding = bindings.imports.get(node.text);
      const parent = node.parent;
      const isPropertyName = (ts.isPropertyAccessExpression(parent) && parent.name === node) || (ts.isPropertyAssignment(parent) && parent.name === node);
      if (binding && !isPropertyName) {
        const local = localFor(binding);
        const text = ts.isShorthandPropertyAssignment(parent) ? `${node.text}: ${local}` : local;
        if (text !== node.text) edits.push({ start: node.getStart(source) - start, end: node.getEnd() - start, text });
      }
      return;
    }
    ts.forEachChild(node, visit);
  };
  visit(init);
  let text = init.getText(source);
  for (const edit of edits.sort((a, b) => b.start - a.start)) text = text.slice(0, edit.start) + edit.text + text.slice(edit.end);
  return text;
}

/** Exports already in the shared module (from an earlier run): normalised key -> name. */
function existingExports(file: string, text: string): { keys: Map<string, string>; imports: Map<string, ImportBinding> } {
  const source = parseModule(file, text);
  const bindings = bindingsOf(source);
  const keys = new Map<string, string>();
  for (const statement of source.statements) {
    if (!ts.isVariableStatement(statement)) continue;
    for (const declaration of statement.declarationList.declarations) {
      if (!ts.isIdentifier(declaration.name) || !declaration.initializer) continue;
      const normalized = normalizeExpression(declaration.initializer, source, bindings);
      if (normalized) keys.set(normalized.key, declaration.name.text);
    }
  }
  return { keys, imports: bindings.imports };
}

export function shareProviders(input: ShareInput): ShareResult {
  const empty: ShareResult = { files: new Map(), dropped: new Map(), exports: {}, typeErrors: [] };
  const format = formatOf(input.sharedModule, input.files);
  const existingText = existsSync(input.sharedModule) ? readFileSync(input.sharedModule, 'utf8') : undefined;
  if (existingText !== undefined && !existingText.includes(SHARED_MARKER)) return empty;

  const groups = new Map<string, Candidate[]>();
  for (const [file, { after, declarations }] of input.files) {
    if (file === input.sharedModule || !participates(file, after, format)) continue;
    for (const candidate of candidatesOf(file, after, declarations, input.runtimeModuleFor(file))) {
      const group = groups.get(candidate.key) ?? [];
      if (!group.some(other => other.file === file)) group.push(candidate);
      groups.set(candidate.key, group);
    }
  }
  const existing = existingText === undefined ? undefined : existingExports(input.sharedModule, existingText);
  const shared = [...groups.values()].filter(group => group.length >= 2 || existing?.keys.has(group[0]!.key));
  if (shared.length === 0) return empty;

  // The shared module: imports by (module, exported name) -> local name, then the exports.
  const imports = new Map<string, { specifier: string; imported: string; local: string; existing?: boolean }>();
  const usedLocals = new Set<string>(existing?.imports.keys());
  const exportsOut: SharedExport[] = [];
  const exportNames = new Set<string>(existing?.keys.values());
  for (const [local, binding] of existing?.imports ?? []) {
    imports.set(`${binding.module}#${binding.imported}`, { specifier: binding.specifier, imported: binding.imported, local, existing: true });
  }
  const uniqueName = (wanted: string, taken: Set<string>): string => {
    let name = wanted;
    for (let index = 2; taken.has(name); index += 1) name = `${wanted}${index}`;
    taken.add(name);
    return name;
  };
  const localFor = (binding: { module: string; specifier: string; imported: string }): string => {
    const id = `${binding.module}#${binding.imported}`;
    const known = imports.get(id);
    if (known) return known.local;
    const specifier = binding.module.startsWith('/') ? relativeSpecifier(input.sharedModule, `${binding.module}${extname(binding.specifier) || '.js'}`) : binding.module;
    const wanted = binding.imported === '*' || binding.imported === 'default' ? binding.module.replace(/.*[/@]/, '').replace(/\W+(\w)/g, (_m, c: string) => c.toUpperCase()) || 'module' : binding.imported;
    const local = uniqueName(wanted, usedLocals);
    imports.set(id, { specifier, imported: binding.imported, local });
    return local;
  };
  const result = new Map<string, string>();
  const dropped = new Map<string, Set<string>>();
  const users: Record<string, string[]> = {};
  const link = (group: readonly Candidate[], name: string): void => {
    users[name] = [...(users[name] ?? []), ...group.map(candidate => candidate.file)];
    for (const candidate of group) {
      const specifier = relativeSpecifier(candidate.file, input.sharedModule);
      const current = result.get(candidate.file) ?? candidate.source.text;
      const removed = removeStatementAndUnusedImports(current, candidate.file, candidate.localName, candidate.uses);
      result.set(candidate.file, addImport(removed.text, candidate.file, specifier, name, candidate.localName, format === 'cjs' ? 'cjs' : 'esm'));
      dropped.set(candidate.file, new Set([...(dropped.get(candidate.file) ?? []), ...removed.dropped]));
    }
  };
  for (const group of shared) {
    const first = group[0]!;
    const existingName = existing?.keys.get(first.key);
    if (existingName) {
      link(group, existingName);
      continue;
    }
    const init = renamedInit(first, localFor);
    const name = uniqueName(first.localName, exportNames);
    exportsOut.push({ name, init, comments: first.comments });
    link(group, name);
  }
  const style = codeStyleOf(shared.flat().map(candidate => ({ file: candidate.file, text: candidate.source.text })));
  const after = renderSharedModule(existingText, format, [...imports.values()].filter(entry => !entry.existing), exportsOut, style);
  const tsconfig = format === 'ts' ? nearestTsconfig(input.sharedModule) : undefined;
  if (tsconfig && !input.skipTypecheck) {
    const beforeTexts = new Map([...result.keys()].map(file => [file, input.files.get(file)!.after]));
    const afterTexts = new Map([...result, [input.sharedModule, after]]);
    const typeErrors = newTypeErrors(tsconfig, beforeTexts, afterTexts, input.installedLater);
    if (typeErrors.length > 0) return { ...empty, typeErrors };
  }
  const importsBefore = new Set([...(existing?.imports.values() ?? [])].map((binding) => binding.specifier));
  const importsAfter = new Set([...imports.values()].map((entry) => entry.specifier));
  return { files: result, dropped, module: { before: existingText, after, importsBefore, importsAfter }, exports: users, typeErrors: [] };
}
