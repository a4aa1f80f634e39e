// Does a node run once per process, or once per invocation (request, event, iteration, render)?
// One answer per node, shared by every rule and by the codemods.
import type { TSESTree } from '@typescript-eslint/utils';
import type { Scopes, VariableLike } from './scopes.js';
import type { Frequency, Once, PerInvocation } from './types.js';
import { type FunctionNode, dottedName, enclosingFunction, isFunction, outerParent, staticPropertyName } from './walk.js';

export interface FrequencyContext {
  readonly scopes: Scopes;
  readonly text: string;
  readonly jsx: readonly TSESTree.Node[];
  /** True when `call` is our runtime (cacheCredentials, sharedCredentials ...) or a configured memoizer. */
  readonly isCachingWrapper: (call: TSESTree.CallExpression) => string | undefined;
}

const once = (reason: string): Once => ({ kind: 'once', reason });
const perInvocation = (context: string, because: TSESTree.Node): PerInvocation => ({ kind: 'per-invocation', context, because });

/** Callbacks that run once per run of the code around them. */
const SAME_RUN_CALLEES = new Set(['setTimeout', 'setImmediate', 'queueMicrotask', 'process.nextTick', 'then', 'catch', 'finally', 'Promise', 'call', 'apply']);
const ITERATION_CALLEES = new Set(['map', 'forEach', 'flatMap', 'filter', 'reduce', 'reduceRight', 'some', 'every', 'find', 'findIndex', 'from', 'mapLimit', 'eachLimit', 'pMap']);
const ROUTE_METHODS = new Set(['get', 'post', 'put', 'patch', 'delete', 'del', 'all', 'use', 'route', 'head', 'options', 'handle', 'register']);
const EVENT_METHODS = new Set(['on', 'once', 'addListener', 'addEventListener', 'subscribe', 'prependListener', 'run', 'each', 'eachMessage', 'eachBatch']);
/** Exported functions with these names are set-up code, run once at start. */
const SETUP_NAME = /^(main|init|initialize|setup|bootstrap|configure|register|start|startup)$/i;
const HANDLER_NAME = /handler|lambda/i;
/** Next.js app-router and similar file-based routers export one function per HTTP method. */
const HTTP_METHOD = /^(GET|POST|PUT|PATCH|DELETE|HEAD|OPTIONS)$/;
const ONCE_INITIALISERS = new Set(['useMemo', 'React.useMemo', 'useState', 'React.useState', 'useRef', 'React.useRef', 'once', 'lazy']);

export class Frequencies {
  private readonly functions = new Map<TSESTree.Node, Frequency | 'pending'>();
  private readonly classes = new Map<TSESTree.Node, Frequency | 'pending'>();
  private jsxFunctions: Set<TSESTree.Node> | undefined;

  constructor(private readonly context: FrequencyContext) {}

  of(node: TSESTree.Node): Frequency {
    let child: TSESTree.Node = node;
    for (let parent = node.parent; parent; child = parent, parent = parent.parent) {
      const step = this.step(parent, child);
      if (step) return step;
    }
    return once('module scope');
  }

  /** What `parent` says about how often `child` runs, or undefined to keep walking up. */
  private step(parent: TSESTree.Node, child: TSESTree.Node): Frequency | undefined {
    switch (parent.type) {
      case 'CallExpression': {
        if (!parent.arguments.includes(child as TSESTree.CallExpressionArgument)) return undefined;
        const wrapper = this.context.isCachingWrapper(parent);
        if (wrapper) return once(`inside ${wrapper}()`);
        const callee = dottedName(parent.callee);
        if (callee && ONCE_INITIALISERS.has(callee) && isFunction(child)) return once(`${callee}() initialiser`);
        return undefined;
      }
      case 'ForStatement':
        return child === parent.init ? undefined : perInvocation('loop', parent);
      case 'ForInStatement':
      case 'ForOfStatement':
        return child === parent.body ? perInvocation('loop', parent) : undefined;
      case 'WhileStatement':
      case 'DoWhileStatement':
        return perInvocation('loop', parent);
      case 'AssignmentExpression':
        return child === parent.right && (parent.operator === '??=' || parent.operator === '||=') ? once('lazy initialisation') : undefined;
      case 'LogicalExpression':
        return child === parent.right && isLazyAssignment(parent, child) ? once('lazy initialisation') : undefined;
      case 'IfStatement':
      case 'ConditionalExpression':
        return child === parent.consequent && this.isLazyInitialisation(parent) ? once('lazy initialisation') : undefined;
      case 'FunctionDeclaration':
      case 'FunctionExpression':
      case 'ArrowFunctionExpression':
        return this.ofFunction(parent);
      case 'PropertyDefinition':
        if (child !== parent.value) return undefined;
        return parent.static ? undefined : this.ofClassInstances(classOf(parent));
      case 'StaticBlock':
        return undefined;
      default:
        return undefined;
    }
  }

  /** `if (!x) x = …`, `if (!cache.has(k)) cache.set(k, …)`, `let p = m.get(k); if (!p) { p = …; m.set(k, p) }`. */
  private isLazyInitialisation(node: TSESTree.IfStatement | TSESTree.ConditionalExpression): boolean {
    const target = missingTarget(node.test);
    if (!target) return false;
    const body = this.context.text.slice(node.consequent.range[0], node.consequent.range[1]);
    if (target.map && body.includes(`${target.map}.set(`)) return this.outlivesCall(node, target.map);
    if (target.index && new RegExp(`${escapeRegExp(target.index)}\\[[^\\]]+\\]\\s*(=[^=]|\\?\\?=)`).test(body)) return this.outlivesCall(node, target.index);
    if (!target.name) return false;
    const assigns = new RegExp(`(^|[^\\w$.])${escapeRegExp(target.name)}\\s*(=[^=]|\\?\\?=)`).test(body);
    if (!assigns) return false;
    // `let p = cache.get(k); if (!p) { p = …; cache.set(k, p) }`: the cache must outlive the call.
    const setter = /([\w$.]+)\.set\(/.exec(body)?.[1];
    if (setter) return this.outlivesCall(node, setter);
    return this.outlivesCall(node, target.name);
  }

  /** The variable at the root of `dotted` outlives the call that runs `node` (a cache, not a local). */
  private outlivesCall(node: TSESTree.Node, dotted: string): boolean {
    const root = dotted.split('.')[0]!;
    if (root === 'this' || root === 'globalThis' || root === 'global') return true;
    const fn = enclosingFunction(node);
    const variable = this.findByName(node, root);
    if (!variable) return false;
    if (isRefHolder(variable)) return true; // React: `if (!ref.current) ref.current = …`
    return !fn || !contains(fn, variable.defs[0]?.name);
  }

  private findByName(from: TSESTree.Node, name: string): VariableLike | undefined {
    for (let scope: ReturnType<Scopes['scopeOf']> | null = this.context.scopes.scopeOf(from); scope; scope = scope.upper) {
      const variable = scope.set.get(name);
      if (variable) return variable;
    }
    return undefined;
  }

  ofFunction(fn: FunctionNode): Frequency {
    const known = this.functions.get(fn);
    if (known === 'pending') return once('recursive call');
    if (known) return known;
    this.functions.set(fn, 'pending');
    const result = this.classifyFunction(fn);
    this.functions.set(fn, result);
    return result;
  }

  private classifyFunction(fn: FunctionNode): Frequency {
    const { parent, child } = outerParent(fn);
    if (!parent) return once('module scope');
    switch (parent.type) {
      case 'CallExpression':
        if (parent.callee === child) return this.of(parent); // IIFE
        return this.ofCallback(parent);
      case 'NewExpression':
        return dottedName(parent.callee) === 'Promise' ? this.of(parent) : perInvocation('callback', parent);
      case 'MethodDefinition':
        if (parent.kind === 'constructor') return this.ofClassInstances(classOf(parent));
        return perInvocation(isComponentClass(parent) ? 'React component render' : 'class method', fn);
      case 'PropertyDefinition':
        return perInvocation('class method', fn);
      case 'Property':
        return this.ofObjectMember(parent, fn);
      case 'ExportDefaultDeclaration':
        return this.ofExported(fn, fn.type !== 'ArrowFunctionExpression' && fn.id ? fn.id.name : 'default');
      case 'JSXExpressionContainer':
        return perInvocation('event handler', fn);
      case 'ExportNamedDeclaration':
        return this.ofExported(fn, fn.type === 'FunctionDeclaration' ? fn.id?.name ?? '' : '');
      case 'VariableDeclarator':
        return this.ofNamed(fn, parent);
      case 'AssignmentExpression':
        return this.ofAssigned(fn, parent);
      default:
        if (fn.type === 'FunctionDeclaration') return this.ofNamed(fn, fn);
        return perInvocation('callback', fn);
    }
  }

  private ofCallback(call: TSESTree.CallExpression): Frequency {
    const wrapper = this.context.isCachingWrapper(call);
    if (wrapper) return once(`inside ${wrapper}()`);
    const callee = dottedName(call.callee) ?? '';
    if (ONCE_INITIALISERS.has(callee)) return once(`${callee}() initialiser`);
    const unwrapped = call.callee.type === 'ChainExpression' ? call.callee.expression : call.callee;
    const method = unwrapped.type === 'MemberExpression' ? staticPropertyName(unwrapped) ?? '' : callee;
    if (SAME_RUN_CALLEES.has(callee) || SAME_RUN_CALLEES.has(method)) return this.of(call);
    if (callee === 'setInterval') return perInvocation('timer', call);
    if (/^(React\.)?use(Effect|LayoutEffect|Callback)$/.test(callee)) return perInvocation('React render', call);
    if (ITERATION_CALLEES.has(method)) return perInvocation('loop', call);
    if (unwrapped.type === 'MemberExpression' && ROUTE_METHODS.has(method)) return perInvocation('route callback', call);
    if (method === 'createServer' || method === 'Server') return perInvocation('request handler', call);
    if (EVENT_METHODS.has(method)) return perInvocation('event handler', call);
    return perInvocation('callback', call);
  }

  private ofObjectMember(property: TSESTree.Property, fn: FunctionNode): Frequency {
    const object = property.parent;
    const { parent } = object ? outerParent(object) : { parent: undefined };
    const key = staticPropertyName(property) ?? 'callback';
    if (parent && isExportTarget(parent, object!)) return this.exportedFrequency(key, fn);
    return perInvocation(`${key} callback`, fn);
  }

  private ofExported(fn: FunctionNode, name: string): Frequency {
    return this.exportedFrequency(name, fn);
  }

  private exportedFrequency(name: string, fn: FunctionNode): Frequency {
    if (SETUP_NAME.test(name)) return once('set-up function');
    if (HANDLER_NAME.test(name)) return perInvocation('Lambda handler', fn);
    if (HTTP_METHOD.test(name)) return perInvocation('route handler', fn);
    if (this.isComponent(fn, name)) return perInvocation('React component render', fn);
    return perInvocation('per-call factory', fn);
  }

  private ofAssigned(fn: FunctionNode, assignment: TSESTree.AssignmentExpression): Frequency {
    const target = dottedName(assignment.left) ?? '';
    if (/^(module\.)?exports(\.|$)/.test(target)) return this.exportedFrequency(target.split('.').pop() ?? '', fn);
    return perInvocation('callback', fn);
  }

  /** A named function: how often do its callers run? */
  private ofNamed(fn: FunctionNode, declaration: TSESTree.FunctionDeclaration | TSESTree.VariableDeclarator): Frequency {
    const name = declaration.id?.type === 'Identifier' ? declaration.id.name : '';
    const declarationParent = declaration.type === 'VariableDeclarator' ? declaration.parent?.parent : declaration.parent;
    if (declarationParent?.type === 'ExportNamedDeclaration') return this.exportedFrequency(name, fn);
    if (this.isComponent(fn, name)) return perInvocation('React component render', fn);
    const variable = this.context.scopes.declaredVariables(declaration).find((v) => v.name === name);
    if (!variable) return perInvocation('callback', fn);
    let result: Frequency | undefined;
    for (const reference of variable.references) {
      if (reference.init || reference.identifier === declaration.id) continue;
      const use = this.ofUse(reference.identifier as TSESTree.Identifier, name, fn);
      if (use.kind === 'per-invocation') {
        // Passed or exported by name, the function *is* the handler; called, it runs from one.
        const { parent, child } = outerParent(reference.identifier as TSESTree.Node);
        const called = (parent?.type === 'CallExpression' || parent?.type === 'NewExpression') && parent.callee === child;
        return !called || use.context.startsWith('function called from') ? use : perInvocation(`function called from ${/^[aeiou]/i.test(use.context) ? 'an' : 'a'} ${use.context}`, use.because);
      }
      result = use;
    }
    return result ?? once('never called in this file');
  }

  /** How often a function runs through one use of its name. */
  private ofUse(identifier: TSESTree.Identifier, name: string, fn: FunctionNode): Frequency {
    const { parent, child } = outerParent(identifier);
    if (!parent) return once('module scope');
    if ((parent.type === 'CallExpression' || parent.type === 'NewExpression') && parent.callee === child) return this.of(parent);
    if (parent.type === 'CallExpression') return this.ofCallback(parent);
    if (parent.type === 'ExportSpecifier') return this.exportedFrequency(parent.exported.type === 'Identifier' ? parent.exported.name : name, fn);
    if (parent.type === 'Property' && parent.value === child && parent.parent) {
      const container = outerParent(parent.parent).parent;
      if (container && isExportTarget(container, parent.parent)) return this.exportedFrequency(staticPropertyName(parent) ?? name, fn);
      return perInvocation(`${staticPropertyName(parent) ?? name} callback`, fn);
    }
    if (parent.type === 'AssignmentExpression' && parent.right === child) return this.ofAssigned(fn, parent);
    if (parent.type === 'ExportDefaultDeclaration') return this.exportedFrequency('default', fn);
    if (parent.type === 'JSXOpeningElement' || parent.type === 'JSXExpressionContainer') return perInvocation('React component render', fn);
    return perInvocation('callback', fn);
  }

  /** How often `new C()` runs: constructors and field initialisers run per instance. */
  ofClassInstances(classNode: TSESTree.ClassDeclaration | TSESTree.ClassExpression | undefined): Frequency {
    if (!classNode) return once('class');
    const known = this.classes.get(classNode);
    if (known === 'pending') return once('recursive construction');
    if (known) return known;
    this.classes.set(classNode, 'pending');
    const result = this.classifyClass(classNode);
    this.classes.set(classNode, result);
    return result;
  }

  private classifyClass(classNode: TSESTree.ClassDeclaration | TSESTree.ClassExpression): Frequency {
    const decorators = (classNode.decorators ?? []).map((d) => this.context.text.slice(d.range[0], d.range[1]));
    if (decorators.some((d) => /Scope\.(REQUEST|TRANSIENT)/.test(d))) return perInvocation('request-scoped provider', classNode);
    if (decorators.some((d) => /^@(Injectable|Controller|Service|singleton|injectable|Module|Resolver)\b/.test(d))) return once('DI-managed singleton');
    const declaration = classNode.type === 'ClassDeclaration' ? classNode : classNode.parent?.type === 'VariableDeclarator' ? classNode.parent : undefined;
    if (!declaration) return once('class instantiated elsewhere');
    const variables = this.context.scopes.declaredVariables(declaration);
    let instantiated = false;
    for (const variable of variables) {
      for (const reference of variable.references) {
        const { parent, child } = outerParent(reference.identifier as TSESTree.Node);
        if (parent?.type === 'CallExpression' && parent.callee !== child) {
          const registration = this.registration(parent);
          if (registration === 'per-request') return perInvocation('request-scoped provider', parent);
          if (registration === 'singleton') instantiated = true;
          continue;
        }
        if (parent?.type !== 'NewExpression' || parent.callee !== child) continue;
        instantiated = true;
        const frequency = this.of(parent);
        if (frequency.kind === 'per-invocation') return perInvocation(`constructor of a class created per ${frequency.context}`, frequency.because);
      }
    }
    return once(instantiated ? 'class instantiated once' : 'class instantiated elsewhere (assumed once)');
  }

  /**
   * A class handed to a DI container: `container.register(X, …)`, `registerSingleton(X)`,
   * `bind(X).toSelf()`, `asClass(X)`, `providers: [X]`-style calls. Singleton unless the same
   * statement asks for a per-request or transient lifetime (`Lifecycle.Transient`,
   * `Lifecycle.ResolutionScoped`, `inRequestScope()`, `inTransientScope()`, `Scope.REQUEST`,
   * `.scoped()`/`.transient()` in awilix).
   */
  private registration(call: TSESTree.CallExpression): 'singleton' | 'per-request' | undefined {
    const callee = dottedName(call.callee) ?? '';
    if (!/(^|\.)(register\w*|bind|rebind|asClass|provide|addSingleton|addScoped|addTransient)$/.test(callee)) return undefined;
    let statement: TSESTree.Node = call;
    while (statement.parent && statement.parent.type !== 'Program' && statement.parent.type !== 'BlockStatement') statement = statement.parent;
    const text = this.context.text.slice(statement.range[0], statement.range[1]);
    return /Lifecycle\.(Transient|ResolutionScoped)|in(Request|Transient)Scope\(|Scope\.(REQUEST|TRANSIENT)|\.(scoped|transient)\(\)|add(Scoped|Transient)/.test(text) ? 'per-request' : 'singleton';
  }

  private isComponent(fn: FunctionNode, name: string): boolean {
    if (!/^[A-Z]/.test(name) && name !== 'default') return false;
    if (!this.jsxFunctions) {
      this.jsxFunctions = new Set();
      for (const node of this.context.jsx) {
        const owner = enclosingFunction(node);
        if (owner) this.jsxFunctions.add(owner);
      }
    }
    return this.jsxFunctions.has(fn);
  }
}

function classOf(member: TSESTree.Node): TSESTree.ClassDeclaration | TSESTree.ClassExpression | undefined {
  const body = member.parent;
  const classNode = body?.parent;
  return classNode && (classNode.type === 'ClassDeclaration' || classNode.type === 'ClassExpression') ? classNode : undefined;
}

function isComponentClass(method: TSESTree.MethodDefinition): boolean {
  if (staticPropertyName(method as unknown as TSESTree.Property) !== 'render') return false;
  return true;
}

/** `module.exports = {...}`, `export default {...}`, `exports.x = {...}`. */
function isExportTarget(parent: TSESTree.Node, object: TSESTree.Node): boolean {
  if (parent.type === 'ExportDefaultDeclaration') return true;
  if (parent.type === 'AssignmentExpression' && parent.right === object) return /^(module\.)?exports(\.|$)/.test(dottedName(parent.left) ?? '');
  return false;
}

/** `const ref = useRef(…)`: its `.current` outlives the render. */
function isRefHolder(variable: VariableLike): boolean {
  const node = variable.defs[0]?.node;
  if (node?.type !== 'VariableDeclarator' || node.init?.type !== 'CallExpression') return false;
  return /^(React\.)?useRef$/.test(dottedName(node.init.callee) ?? '');
}

function isLazyAssignment(logical: TSESTree.LogicalExpression, right: TSESTree.Node): boolean {
  if (logical.operator === '&&' || right.type !== 'AssignmentExpression' || right.operator !== '=') return false;
  const left = dottedName(logical.left);
  return left !== undefined && left === dottedName(right.left);
}

/** The thing an `if` test checks is missing: `!x`, `x == null`, `x === undefined`, `!m.has(k)`, `!m.get(k)`. */
function missingTarget(test: TSESTree.Node): { name?: string; map?: string; index?: string } | undefined {
  if (test.type === 'UnaryExpression' && test.operator === '!') {
    const argument = test.argument;
    if (argument.type === 'CallExpression' && argument.callee.type === 'MemberExpression') {
      const method = staticPropertyName(argument.callee);
      if (method === 'has' || method === 'get') {
        const map = dottedName(argument.callee.object);
        return map ? { map } : undefined;
      }
    }
    if (argument.type === 'MemberExpression' && argument.computed) {
      const map = dottedName(argument.object);
      return map ? { index: map } : undefined;
    }
    const name = dottedName(argument);
    return name ? { name } : undefined;
  }
  if (test.type === 'BinaryExpression' && ['==', '===', '!=', '!=='].includes(test.operator) === true) {
    if (test.operator.startsWith('!')) return undefined;
    const other = isNullish(test.right) ? test.left : isNullish(test.left) ? test.right : undefined;
    if (!other) return undefined;
    if (other.type === 'UnaryExpression' && other.operator === 'typeof') return { name: dottedName(other.argument) };
    const name = dottedName(other);
    return name ? { name } : undefined;
  }
  return undefined;
}

function isNullish(node: TSESTree.Node): boolean {
  return (node.type === 'Literal' && (node.value === null || node.value === 'undefined')) || (node.type === 'Identifier' && node.name === 'undefined');
}

function contains(outer: TSESTree.Node, inner: TSESTree.Node | undefined): boolean {
  return !!inner && inner.range[0] >= outer.range[0] && inner.range[1] <= outer.range[1];
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
