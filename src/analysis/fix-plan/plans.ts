// Fix plans for one site: hoist it to module scope (wrapped in the runtime when it is a provider),
// share it per key with sharedCredentials, or say why neither is provably safe.
import type { TSESTree } from '@typescript-eslint/utils';
import { requiredModule } from '../bindings.js';
import type { Scopes } from '../scopes.js';
import { childNodes, isFunction } from '../walk.js';
import type { FixPlan, RuntimeImport, TextEdit } from '../types.js';
import { runtimeImportEdit, startWithLeadingComments } from './imports.js';
import { type NameAllocator, qualifiersOf } from './names.js';
import { cacheKey } from './cache-key.js';
import { existingNameFor } from './declared.js';
import { declarationPoint } from './placement.js';
import { type Stability, stabilityOf } from './stability.js';

export interface PlanContext {
  readonly program: TSESTree.Program;
  readonly text: string;
  readonly scopes: Scopes;
  readonly names: NameAllocator;
  readonly runtimeModule: string;
  /** Modules the project depends on (empty: unknown, so fixes import only modules the file imports). */
  readonly availableModules: ReadonlySet<string>;
  readonly isAllowedCall: (call: TSESTree.CallExpression | TSESTree.NewExpression) => boolean;
}

export interface SiteShape {
  /** The expression replaced by the shared instance. */
  readonly node: TSESTree.CallExpression | TSESTree.NewExpression;
  /** API name, for names and descriptions (`fromIni`, `S3Client`). */
  readonly apiName: string;
  /** Base name for the hoisted declaration. */
  readonly baseName: string;
  /** Wrap the hoisted value in `cacheCredentials(...)` (providers) or not (clients, v2 credentials). */
  readonly wrap: boolean;
  /** May the site be shared per key with `sharedCredentials` when its inputs vary? */
  readonly keyable: boolean;
}

export const manual = (reason: string): FixPlan => ({ kind: 'manual', reason });

export function planFor(shape: SiteShape, context: PlanContext): FixPlan {
  const statement = topLevelStatement(shape.node);
  if (!statement) return manual('the code is not inside a top-level statement');
  const insertAt = startWithLeadingComments(context.program, statement, context.text);
  const stability = inputsStability(shape.node, context, insertAt);
  if (stability.kind === 'unsafe') return manual(`${stability.reason}.`);
  const calleeHoistable = isModuleStableCallee(shape.node.callee, context, insertAt);
  if (stability.kind === 'static' && calleeHoistable) return hoist(shape, context, insertAt);
  if (stability.kind === 'static') {
    // The API is bound inside the function (`const { fromIni } = await import(...)`): it cannot
    // move to module scope, but a key of its (static) inputs shares it all the same.
    const callee = context.text.slice(shape.node.callee.range[0], shape.node.callee.range[1]);
    if (!shape.keyable) return manual(`\`${callee}\` is bound inside the function; import it at module scope to create this once.`);
    return keyed(shape, context, []);
  }
  if (!shape.keyable) return manual(`its inputs vary per request (${stability.inputs.map((i) => `\`${i}\``).join(', ')}); share one instance per distinct input by hand.`);
  return keyed(shape, context, stability.inputs);
}

/** `fromIni`, `cp.fromIni`, `AWS.ECSCredentials`, `require('x').fromIni`: usable at the insertion point. */
function isModuleStableCallee(callee: TSESTree.Node, context: PlanContext, insertAt: number): boolean {
  let root = callee;
  while (root.type === 'MemberExpression' || root.type === 'TSNonNullExpression' || root.type === 'ChainExpression') {
    root = root.type === 'MemberExpression' ? root.object : root.expression;
  }
  if (root.type === 'CallExpression') return requiredModule(root) !== undefined;
  if (root.type !== 'Identifier') return false;
  return stabilityOf(root, { scopes: context.scopes, text: context.text, insertAt, isAllowedCall: () => false }).kind === 'static';
}

function inputsStability(node: TSESTree.CallExpression | TSESTree.NewExpression, context: PlanContext, insertAt: number): Stability {
  const stabilityContext = { scopes: context.scopes, text: context.text, insertAt, isAllowedCall: context.isAllowedCall };
  const parts = node.arguments.map((argument) => stabilityOf(argument, stabilityContext));
  const unsafe = parts.find((p) => p.kind === 'unsafe');
  if (unsafe) return unsafe;
  const inputs = parts.flatMap((p) => (p.kind === 'varying' ? p.inputs : []));
  return inputs.length === 0 ? { kind: 'static' } : { kind: 'varying', inputs: [...new Set(inputs)] };
}

function hoist(shape: SiteShape, context: PlanContext, insertAt: number): FixPlan {
  const original = reindent(context.text, shape.node);
  const value = shape.wrap ? `cacheCredentials(${original})` : original;
  // The file already declares this very value at module scope (in any layout): use that one.
  const existing = existingNameFor(context.program, context.text, value);
  if (existing !== undefined && !shadowedAt(existing, shape.node, context.scopes)) {
    return { kind: 'hoist', description: `${existing}, declared already, replaces ${shape.wrap ? `${shape.apiName}(…)` : `new ${shape.apiName}(…)`}`, edits: [{ range: [shape.node.range[0], shape.node.range[1]], text: existing }] };
  }
  const name = context.names.allocate(shape.baseName, qualifiersOf(shape.node));
  const edits: TextEdit[] = [
    hoistedDeclaration(context.program, context.text, insertAt, name, value),
    { range: [shape.node.range[0], shape.node.range[1]], text: name },
  ];
  const imports = shape.wrap ? [runtimeImport(context, ['cacheCredentials'])] : undefined;
  if (imports) edits.unshift(...importEdits(context, imports));
  const description = shape.wrap ? `const ${name} = cacheCredentials(${shape.apiName}(…))` : `const ${name} = new ${shape.apiName}(…)`;
  return { kind: 'hoist', description, edits, ...(imports && { imports }) };
}

function keyed(shape: SiteShape, context: PlanContext, inputs: readonly string[]): FixPlan {
  // `() => (await import(…)).fromIni()` would not parse: the factory is not async.
  if (containsAwait(shape.node)) return manual('its callee or inputs are awaited in place; bind the awaited value first, then share one instance per key.');
  const key = cacheKey({ apiName: shape.apiName, node: shape.node, text: context.text, quote: preferredQuote(context.text), comments: context.program.comments ?? [] });
  if ('manual' in key) return manual(`its inputs vary per request (${inputs.map((i) => `\`${i}\``).join(', ')}) and ${key.manual}.`);
  const original = context.text.slice(shape.node.range[0], shape.node.range[1]);
  const imports = [runtimeImport(context, ['sharedCredentials'])];
  const edits: TextEdit[] = [
    ...importEdits(context, imports),
    { range: [shape.node.range[0], shape.node.range[1]], text: `sharedCredentials(${key.text}, () => ${original})` },
  ];
  return { kind: 'keyed', description: `sharedCredentials(${key.text}, () => ${shape.apiName}(…))`, edits, keyInputs: inputs, imports };
}

/** Is `name` declared in a scope between `node` and module scope (so the module's `name` is not the one seen there)? */
function shadowedAt(name: string, node: TSESTree.Node, scopes: Scopes): boolean {
  for (let scope: ReturnType<Scopes['scopeOf']> | null = scopes.scopeOf(node); scope && !scopes.isModuleLevel(scope); scope = scope.upper) {
    if (scope.set.has(name)) return true;
  }
  return false;
}

export function runtimeImport(context: PlanContext, names: readonly string[]): RuntimeImport {
  return { module: context.runtimeModule, names };
}

/** One import edit per module, for a fix applied on its own (an ESLint suggestion). */
export function importEdits(context: PlanContext, imports: readonly RuntimeImport[]): TextEdit[] {
  return imports.flatMap((wanted) => runtimeImportEdit(context.program, context.text, wanted.module, wanted.names) ?? []);
}

export function topLevelStatement(node: TSESTree.Node): TSESTree.Node | undefined {
  let current = node;
  while (current.parent && current.parent.type !== 'Program') current = current.parent;
  return current.parent ? current : undefined;
}

/** The node's text with the indentation of its first line taken off the lines after it. */
export function reindent(text: string, node: TSESTree.Node): string {
  const original = text.slice(node.range[0], node.range[1]);
  const lineStart = text.lastIndexOf('\n', node.range[0] - 1) + 1;
  const indent = /^[ \t]*/.exec(text.slice(lineStart))?.[0] ?? '';
  if (!indent || !original.includes('\n')) return original;
  return original.split('\n').map((line, i) => (i > 0 && line.startsWith(indent) ? line.slice(indent.length) : line)).join('\n');
}

/**
 * The edit that inserts `const name = value` at module scope, after the imports and before the site's
 * statement (`latest`), where `declarationPoint` puts it. It ends in
 * `;` when the file uses semicolons, and also when it does not but the next line starts with a
 * token that would continue the declaration (`(`, `[`, `` ` ``, `+`, `-`, `/`): an ASI hazard.
 */
export function hoistedDeclaration(program: TSESTree.Program, text: string, latest: number, name: string, value: string): TextEdit {
  const insertAt = declarationPoint(program, text, latest, value);
  const next = /^(?:\s|\/\/[^\n]*|\/\*[\s\S]*?\*\/)*(.)/.exec(text.slice(insertAt))?.[1] ?? '';
  const semi = usesSemicolons(text) || '([`+-/'.includes(next) ? ';' : '';
  return { range: [insertAt, insertAt], text: `const ${name} = ${value}${semi}\n\n`, declares: { name, value } };
}

/** Any statement ending in `;` means the file uses semicolons; a file with no code defaults to them. */
export function usesSemicolons(text: string): boolean {
  return /;\s*$/m.test(text) || !/[\w)\]'"`]\s*$/m.test(text);
}

export function preferredQuote(text: string): string {
  const single = (text.match(/'/g) ?? []).length;
  const double = (text.match(/"/g) ?? []).length;
  return double > single ? '"' : "'";
}

/** An `await` (or `yield`) in `node`, outside the functions nested in it. */
function containsAwait(node: TSESTree.Node): boolean {
  const stack: TSESTree.Node[] = [node];
  while (stack.length > 0) {
    const current = stack.pop()!;
    if (current.type === 'AwaitExpression' || current.type === 'YieldExpression') return true;
    for (const child of childNodes(current)) if (!isFunction(child)) stack.push(child);
  }
  return false;
}
