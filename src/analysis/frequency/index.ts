// Does a node run once per process, or once per invocation (request, event, iteration, render)?
// One answer per node, shared by every rule and by the codemods. The jobs live beside this file:
// callbacks (what a callee does with a function), lazy initialisation, retry loops, classes and
// DI, and the file's role (test, script, application).
import type { TSESTree } from '@typescript-eslint/utils';
import type { Scopes } from '../scopes.js';
import type { Frequency, Once, PerInvocation } from '../types.js';
import { type FunctionNode, childNodes, dottedName, enclosingFunction, isFunction, outerParent, staticPropertyName } from '../walk.js';
import { ONCE_INITIALISERS, callbackKind } from './callbacks.js';
import { ClassInstances, classOf, exportedClassName, exportedInstanceName, isCredentialsRefreshMethod, isHandlerMethod } from './classes.js';
import type { FileRole } from './file-role.js';
import { LazyInitialisation } from './lazy-init.js';
import { isRetryLoop } from './retry-loops.js';

export { fileRoleOf, mayTakeImportersRole, type FileRole } from './file-role.js';

export interface FrequencyContext {
  readonly scopes: Scopes;
  readonly jsx: readonly TSESTree.Node[];
  /** What the whole file is for (test code and scripts run once per run). */
  readonly role: FileRole;
  /** Every call in the file (to find `this.method()` and `instance.method()` calls of a class's methods). */
  readonly calls: readonly TSESTree.CallExpression[];
  /** True when `call` is our runtime (cacheCredentials, sharedCredentials ...) or a configured memoizer. */
  readonly isCachingWrapper: (call: TSESTree.CallExpression) => string | undefined;
  /** True when application code in other modules calls this file's export `name(…)` itself. */
  readonly calledByImporters?: (name: string) => boolean;
}

/** The reason of code that re-resolves credentials when they expire: never frozen. */
export const REFRESHED_ON_EXPIRY = 'refreshed when it expires';
/** The reason of an exported set-up function (`main`, `init`, `start`): once, and summarised for importers. */
export const SET_UP_FUNCTION = 'set-up function';

const once = (reason: string, exportedAs?: string): Once => (exportedAs === undefined ? { kind: 'once', reason } : { kind: 'once', reason, exportedAs });
const perInvocation = (context: string, because: TSESTree.Node): PerInvocation => ({ kind: 'per-invocation', context, because });

/** Exported functions with these names are set-up code, run once at start. */
const SETUP_NAME = /^(main|init|initialize|setup|bootstrap|configure|register|start|startup|run|cli)$/i;
/** `handler`, `processHandler`, `handleEvent`, `lambda`: names of functions a runtime invokes per event. */
const HANDLER_NAME = /^(handler|lambda|lambdaHandler|main_handler)$|Handler$|^handle[A-Z_]/;
/** `createUploadHandler`, `makeHandler`: a factory that returns the handler, called once at start. */
const HANDLER_FACTORY_NAME = /^(create|make|build)[A-Z]\w*Handler$/;
/** Next.js app-router and similar file-based routers export one function per HTTP method. */
const HTTP_METHOD = /^(GET|POST|PUT|PATCH|DELETE|HEAD|OPTIONS)$/;
/** Wrappers named for what they do: `memoize`, `pMemoize`, `withCache`, `cached`, `once`. */
const CACHING_NAME = /memo|cach/i;
/** `map.getOrInsertComputed(k, fn)`, `lru.getOrCreate(k, fn)`: computed once per key. */
const GET_OR_COMPUTE = /^getOr(Else|Set|Create|Add|Compute|Insert)\w*$/;
/** Methods of a cache object that compute on a miss. */
const CACHE_COMPUTE_METHOD = /^(get|fetch|wrap|remember|getOr\w+|load)$/;
/** Object members that frameworks call once: DI factories, build-tool and plugin hooks. */
const ONCE_MEMBERS = new Set(['useFactory', 'factory', 'buildStart', 'buildEnd', 'configResolved', 'configureServer', 'closeBundle', 'generateBundle', 'onPreBuild', 'onBuild', 'onPostBuild', 'onPreBootstrap', 'onPluginInit', 'createPages', 'sourceNodes', 'setup', 'install', 'init', 'initialize', 'bootstrap', 'onModuleInit', 'onApplicationBootstrap']);
/** Classes that call the function they are given per job, message, request or tick. */
const RECURRING_CLASS = /Worker|Cron|Job|Consumer|Server|Schedule|Interval|Timer|Listener|Handler|Observer|Subscri|Queue|Processor|Poller|Watcher|Router/;
/** Members of a returned object that frameworks call per connection, request or message. */
const FRAMEWORK_CALLED_MEMBER = /^(authenticate|handler?|handle[A-Z]\w*|fetch|request|sign|before|after|onError|middleware|eachMessage|eachBatch)$/;
/** Per-invocation labels that only say "called by something": in a script they run once per command. */
const GENERIC_CONTEXTS = new Set(['callback', 'class method']);

export class Frequencies {
  private readonly functions = new Map<TSESTree.Node, Frequency | 'pending'>();
  private readonly classes: ClassInstances;
  private readonly lazy: LazyInitialisation;
  private jsxFunctions: Set<TSESTree.Node> | undefined;
  /** `{ key: () => … }` callbacks: called by whatever receives the object, as generic as 'callback'. */
  private readonly memberCallbacks = new WeakSet<Frequency>();

  constructor(private readonly context: FrequencyContext) {
    this.classes = new ClassInstances(context.scopes, (node) => this.of(node));
    this.lazy = new LazyInitialisation(context.scopes);
  }

  of(node: TSESTree.Node): Frequency {
    if (this.context.role === 'test') return once('test code');
    if (this.lazy.flowsOnlyIntoMiss(node)) return once('stored only on a cache miss');
    let child: TSESTree.Node = node;
    for (let parent = node.parent; parent; child = parent, parent = parent.parent) {
      const step = this.step(parent, child, node);
      if (step) return step;
    }
    return once('module scope');
  }

  /**
   * A loop repeats `origin`. In a script, a credential source per account or region (its inputs
   * come from the loop) is what one run needs; the same one built on every pass is a repeat.
   * `while` loops (polling workers) repeat for as long as the process lives.
   */
  private loopRepeats(loop: TSESTree.Node, origin: TSESTree.Node): boolean {
    if (this.context.role !== 'script' || loop.type === 'WhileStatement' || loop.type === 'DoWhileStatement') return true;
    return !this.usesLoopValues(origin, loop);
  }

  /** `origin` reads a variable declared inside `loop` (its loop variable, or a local of its body). */
  private usesLoopValues(origin: TSESTree.Node, loop: TSESTree.Node): boolean {
    const stack: TSESTree.Node[] = [origin];
    while (stack.length > 0) {
      const node = stack.pop()!;
      if (node.type === 'Identifier') {
        const definition = this.context.scopes.findVariable(node)?.defs[0]?.name;
        if (definition && definition.range[0] >= loop.range[0] && definition.range[1] <= loop.range[1]) return true;
      }
      stack.push(...childNodes(node));
    }
    return false;
  }

  get role(): FileRole {
    return this.context.role;
  }

  /** Test code and scripts end long before credentials expire: resolving them once there is fine. */
  get shortLived(): boolean {
    return this.context.role !== 'app';
  }

  /** `node` runs inside a Lambda handler (or code only one calls), however deep: `results.map(r => new XClient())` in a handler. */
  withinLambdaHandler(node: TSESTree.Node, depth = 0): boolean {
    if (depth > 8) return false;
    for (let fn = enclosingFunction(node); fn; fn = enclosingFunction(fn)) {
      const frequency = this.ofFunction(fn);
      if (frequency.kind !== 'per-invocation') continue;
      if (frequency.context.includes('Lambda handler')) return true;
      // `getClient()` called from a loop in a function the handler calls: follow the call site.
      if (frequency.because !== fn && this.withinLambdaHandler(frequency.because, depth + 1)) return true;
    }
    return false;
  }

  /** The callback reads the element it is given (`(account) => …account…`). */
  private readsParameters(fn: FunctionNode): boolean {
    return this.context.scopes.declaredVariables(fn).some((variable) => variable.defs.some((def) => def.type === 'Parameter') && variable.references.length > 0);
  }

  /** What `parent` says about how often `child` runs, or undefined to keep walking up. */
  private step(parent: TSESTree.Node, child: TSESTree.Node, origin: TSESTree.Node): Frequency | undefined {
    switch (parent.type) {
      case 'CallExpression': {
        if (!parent.arguments.includes(child as TSESTree.CallExpressionArgument)) return undefined;
        const wrapper = this.cachingWrapper(parent);
        if (wrapper) return once(`inside ${wrapper}()`);
        const callee = dottedName(parent.callee);
        if (callee && ONCE_INITIALISERS.has(callee) && isFunction(child)) return once(`${callee}() initialiser`);
        return undefined;
      }
      case 'ForStatement':
        return child === parent.init || isRetryLoop(parent) || !this.loopRepeats(parent, origin) ? undefined : perInvocation('loop', parent);
      case 'ForInStatement':
      case 'ForOfStatement':
        return child === parent.body && !isRetryLoop(parent) && this.loopRepeats(parent, origin) ? perInvocation('loop', parent) : undefined;
      case 'WhileStatement':
      case 'DoWhileStatement':
        return isRetryLoop(parent) ? undefined : perInvocation('loop', parent);
      case 'AssignmentExpression':
        return child === parent.right && (parent.operator === '??=' || parent.operator === '||=') ? once('lazy initialisation') : undefined;
      case 'LogicalExpression':
        return child === parent.right && isLazyAssignment(parent, child) ? once('lazy initialisation') : undefined;
      case 'IfStatement':
      case 'ConditionalExpression':
        if (child !== parent.consequent || !this.lazy.isMissBranch(parent)) return undefined;
        return once(checksExpiry(parent.test) ? REFRESHED_ON_EXPIRY : 'lazy initialisation');
      case 'BlockStatement':
      case 'Program':
        return this.lazy.followsEarlyReturn(parent, child) ? once('lazy initialisation') : undefined;
      case 'FunctionDeclaration':
      case 'FunctionExpression':
      case 'ArrowFunctionExpression':
        return this.ofFunction(parent);
      case 'PropertyDefinition':
        if (child !== parent.value) return undefined;
        return parent.static ? undefined : this.classes.of(classOf(parent));
      default:
        return undefined;
    }
  }

  /** Our runtime, a configured memoizer, or a wrapper named for caching (`memoize`, `withCache`, `once`). */
  private cachingWrapper(call: TSESTree.CallExpression): string | undefined {
    const known = this.context.isCachingWrapper(call);
    if (known) return known;
    const name = dottedName(call.callee);
    const segments = name?.split('.') ?? [];
    const last = segments.pop() ?? '';
    if (last === 'once' || CACHING_NAME.test(last) || GET_OR_COMPUTE.test(last)) return name;
    // `cache.getOrElse(key, fetchApiKey)`, `cache.wrap(key, fn)` (cache-manager), `cache.remember(…)`.
    const receiver = segments.pop() ?? '';
    return CACHING_NAME.test(receiver) && CACHE_COMPUTE_METHOD.test(last) ? name : undefined;
  }

  ofFunction(fn: FunctionNode): Frequency {
    const known = this.functions.get(fn);
    if (known === 'pending') return once('recursive call');
    if (known) return known;
    this.functions.set(fn, 'pending');
    let result = this.classifyFunction(fn);
    if (result.kind === 'per-invocation' && this.context.role === 'script' && (GENERIC_CONTEXTS.has(result.context) || this.memberCallbacks.has(result))) result = once('script: runs once per command');
    this.functions.set(fn, result);
    return result;
  }

  private classifyFunction(fn: FunctionNode): Frequency {
    const { parent, child } = outerParent(fn);
    if (!parent) return once('module scope');
    switch (parent.type) {
      case 'CallExpression':
        if (parent.callee === child) return this.of(parent); // IIFE
        return this.ofCallback(parent, fn);
      case 'NewExpression': {
        // `new Promise(fn)` runs it now; `new Worker(queue, fn)`, `new CronJob(…, fn)` call it per job or
        // tick; any other class (`new ScenarioAction(name, fn)`, `new Step(fn)`) is taken to call it
        // as often as it is built.
        const className = (dottedName(parent.callee) ?? '').split('.').pop() ?? '';
        if (className === 'Promise') return this.of(parent);
        return RECURRING_CLASS.test(className) ? perInvocation('event handler', parent) : this.of(parent);
      }
      case 'MethodDefinition':
        if (parent.kind === 'constructor') return this.classes.of(classOf(parent));
        if (parent.static && staticPropertyName(parent as unknown as TSESTree.Property) === 'getInstance') return once('singleton accessor');
        if (hasCachingDecorator(parent)) return once('memoized method');
        return this.ofMethod(parent, fn);
      case 'PropertyDefinition':
        // `getSession = async () => …`: a method written as an arrow-function field.
        return parent.value === child ? this.ofMethod(parent, fn) : perInvocation('class method', fn);
      case 'Property':
        return this.ofObjectMember(parent, fn);
      case 'ExportDefaultDeclaration':
        return fn.type === 'FunctionDeclaration' ? this.ofNamed(fn, fn, 'default') : this.exportedFrequency('default', fn, fn.type === 'FunctionExpression' ? fn.id?.name : undefined);
      case 'JSXExpressionContainer':
        return perInvocation('event handler', fn);
      case 'ExportNamedDeclaration':
        return this.ofNamed(fn, fn as TSESTree.FunctionDeclaration);
      case 'VariableDeclarator':
        return this.ofNamed(fn, parent);
      case 'AssignmentExpression':
        return this.ofAssigned(fn, parent);
      case 'ArrayExpression':
        // `new AWS.CredentialProviderChain([() => new AWS.EnvironmentCredentials('AWS'), …])`: the chain
        // calls each when it resolves and keeps the credentials until they expire.
        return isCredentialChainList(parent) ? once(REFRESHED_ON_EXPIRY) : perInvocation('callback', fn);
      case 'ReturnStatement': {
        const outer = enclosingFunction(parent);
        if (outer && returnsCredentialsProvider(outer)) return once(REFRESHED_ON_EXPIRY);
        return perInvocation('callback', fn);
      }
      case 'ArrowFunctionExpression': {
        if (parent.body === child && returnsCredentialsProvider(parent)) return once(REFRESHED_ON_EXPIRY);
        // `sharedCredentials(key, () => async () => …)`: the source the factory returns runs once per refresh.
        const call = parent.body === child ? outerParent(parent).parent : undefined;
        const wrapper = call?.type === 'CallExpression' && call.arguments.includes(parent) ? this.cachingWrapper(call) : undefined;
        return wrapper ? once(`refreshed by ${wrapper}()`) : perInvocation('callback', fn);
      }
      default:
        if (fn.type === 'FunctionDeclaration') return this.ofNamed(fn, fn);
        return perInvocation('callback', fn);
    }
  }

  /**
   * A class method: route handlers per request; otherwise how often this file calls it
   * (`this.m()`, `instance.m()`); a method of an exported class nobody here calls is judged at
   * its callers in other files; any other method is assumed to be called per request.
   */
  private ofMethod(method: TSESTree.MethodDefinition | TSESTree.PropertyDefinition, fn: FunctionNode): Frequency {
    const classNode = classOf(method);
    const name = staticPropertyName(method as unknown as TSESTree.Property) ?? '';
    if (name === 'render') return perInvocation('React component render', fn);
    if (isHandlerMethod(method, classNode)) return perInvocation('route handler', fn);
    if (isCredentialsRefreshMethod(name, classNode)) return once(REFRESHED_ON_EXPIRY);
    // `uploadNewVoucher = async (req, res) => …`, handed to `router.post` in another file.
    const byParameters = handlerByParameters(fn);
    if (byParameters) return perInvocation(byParameters, fn);
    let calledOnce: Once | undefined;
    for (const call of this.methodCalls(classNode, name)) {
      const frequency = this.of(call);
      if (frequency.kind === 'per-invocation') return calledFrom(frequency);
      calledOnce = withExportsOf(calledOnce, frequency);
    }
    const exported = classNode ? (exportedClassName(classNode, this.context.scopes) ?? exportedInstanceName(classNode, this.context.scopes)) : undefined;
    // Its own export too: `User.findAccount` is called by importers as well as by `this.verify()`.
    const own = exported ? once(`method of exported \`${exported}\`: judged where it is called`, `${exported}.${name}`) : undefined;
    if (calledOnce) return own ? withExportsOf(calledOnce, own) : calledOnce;
    return own ?? perInvocation('class method', fn);
  }

  /** Calls of method `name` of `classNode` in this file: `this.name()` inside it, `x.name()` on `x = new C()`. */
  private methodCalls(classNode: ReturnType<typeof classOf>, name: string): TSESTree.CallExpression[] {
    if (!classNode || !name) return [];
    const className = classNode.id?.name;
    return this.context.calls.filter((call) => {
      const callee = call.callee.type === 'ChainExpression' ? call.callee.expression : call.callee;
      if (callee.type !== 'MemberExpression' || staticPropertyName(callee) !== name) return false;
      if (callee.object.type === 'ThisExpression') return call.range[0] >= classNode.range[0] && call.range[1] <= classNode.range[1];
      if (callee.object.type !== 'Identifier' || !className) return false;
      const variable = this.context.scopes.findVariable(callee.object);
      const init = variable?.defs[0]?.node.type === 'VariableDeclarator' ? variable.defs[0].node.init : undefined;
      return init?.type === 'NewExpression' && init.callee.type === 'Identifier' && init.callee.name === className;
    });
  }

  private ofCallback(call: TSESTree.CallExpression, fn: FunctionNode): Frequency {
    const wrapper = this.cachingWrapper(call);
    if (wrapper) return once(`inside ${wrapper}()`);
    const kind = callbackKind(call);
    if (kind.kind === 'same-run') return this.of(call);
    // `accounts.map((account) => fromTemporaryCredentials(…))` in a script: one per element is what a run needs.
    if (kind.kind === 'per-invocation' && kind.context === 'loop' && this.context.role === 'script' && this.readsParameters(fn)) return this.of(call);
    if (kind.kind === 'once') return once(kind.reason);
    if (kind.context === 'callback') {
      // `export const f = zod(schema, async () => …)`, `handler = middy(async () => …)`: the
      // wrapper returns the function, so it runs as often as the name it is bound to.
      const bound = this.boundWrapper(call);
      if (bound) return bound;
      // `await retry(() => sts.send(…))`, `return withTransaction(tx => …)`: an unknown function
      // whose result the code waits for runs the callback now, as often as the code around it.
      if (isRunNow(call)) return this.of(call);
      // `getUserToken((err, token) => …)`: a Node-style completion callback runs once per call.
      if (isCompletionCallback(fn, call)) return this.of(call);
    }
    return perInvocation(kind.context, call);
  }

  /** How often the name a wrapper call's result is bound to runs, if it is bound to one. */
  private boundWrapper(call: TSESTree.CallExpression): Frequency | undefined {
    let current: TSESTree.Node = call;
    while (current.parent?.type === 'CallExpression' && current.parent.arguments.includes(current as TSESTree.CallExpressionArgument)) current = current.parent;
    const { parent, child } = outerParent(current);
    const fn = call.arguments.find((argument) => isFunction(argument)) as FunctionNode | undefined;
    if (!fn) return undefined;
    if (parent?.type === 'VariableDeclarator' && parent.init === child) return this.ofNamed(fn, parent);
    if (parent?.type === 'ExportDefaultDeclaration') return this.exportedFrequency('default', fn);
    if (parent?.type === 'AssignmentExpression' && parent.right === child) return this.ofAssigned(fn, parent);
    return undefined;
  }

  private ofObjectMember(property: TSESTree.Property, fn: FunctionNode): Frequency {
    const object = property.parent;
    const { parent } = object ? outerParent(object) : { parent: undefined };
    const key = staticPropertyName(property) ?? 'callback';
    if (ONCE_MEMBERS.has(key) || key.includes(':')) return once('framework hook');
    // A Hapi plugin's `register(server)` runs once at start-up; `register: (req, res) => …` is a sign-up route.
    if (key === 'register' && !handlerByParameters(fn)) return once('framework hook');
    // OpenSearch's AwsSigv4Signer (and signers like it) keep what `getCredentials` returns and call it again when it expires.
    if (key === 'getCredentials' && parent?.type === 'CallExpression' && /Signer$/.test(dottedName(parent.callee) ?? '')) return once(REFRESHED_ON_EXPIRY);
    if (parent?.type === 'AssignmentExpression' && parent.right === object && /(^|\.)hooks$/.test(dottedName(parent.left) ?? '')) return once('framework hook');
    if (parent && isExportTarget(parent, object!)) return this.exportedFrequency(key, fn);
    const returned = parent ? this.returnedMember(parent, object!, key) : undefined;
    if (returned) return returned;
    const local = this.localTableOwner(object!, key, fn);
    if (local) return this.ofFunction(local);
    const result = perInvocation(`${key} callback`, fn);
    this.memberCallbacks.add(result);
    return result;
  }

  /**
   * `return { assumeRole, send: () => … }` from an exported factory: an API object whose members
   * run as often as the factory's callers call them, so they are judged there, as
   * `createStsClient().assumeRole`. Members a framework calls per invocation (`authenticate` of a
   * Kafka mechanism, middleware `before`) stay per invocation.
   */
  private returnedMember(parent: TSESTree.Node, object: TSESTree.Node, key: string): Frequency | undefined {
    const returns = parent.type === 'ReturnStatement' || (parent.type === 'ArrowFunctionExpression' && parent.body === object);
    if (!returns || FRAMEWORK_CALLED_MEMBER.test(key)) return undefined;
    const factory = enclosingFunction(object);
    const frequency = factory ? this.ofFunction(factory) : undefined;
    if (frequency?.kind !== 'once' || frequency.exportedAs === undefined || frequency.exportedAs.includes('()')) return undefined;
    return once(`member of the object \`${frequency.exportedAs}()\` returns: judged where it is called`, `${frequency.exportedAs}().${key}`);
  }

  /**
   * `const methods = [{ name, fn: () => fromIni(…)() }]; for (const m of methods) await m.fn()`: a
   * table of functions that the function declaring it only reads and calls runs at most as often as
   * that function. A table handed to anything (`new Kafka(config)`), returned or stored elsewhere is
   * called by its receiver, so it stays a callback.
   */
  private localTableOwner(object: TSESTree.Node, key: string, fn: FunctionNode): FunctionNode | undefined {
    if (FRAMEWORK_CALLED_MEMBER.test(key) || handlerByParameters(fn)) return undefined;
    let bound: TSESTree.Node = object;
    if (bound.parent?.type === 'ArrayExpression') bound = bound.parent;
    const declarator = bound.parent;
    if (declarator?.type !== 'VariableDeclarator' || declarator.init !== bound || declarator.id.type !== 'Identifier') return undefined;
    const owner = enclosingFunction(declarator);
    if (!owner) return undefined;
    const variable = this.context.scopes.declaredVariables(declarator).find((v) => v.name === (declarator.id as TSESTree.Identifier).name);
    if (!variable || variable.references.length === 0) return undefined;
    const onlyRead = variable.references.every((reference) => {
      if (reference.init) return true;
      const { parent, child } = outerParent(reference.identifier as TSESTree.Node);
      if (parent?.type === 'ForOfStatement' && parent.right === child) return true;
      return parent?.type === 'MemberExpression' && parent.object === child;
    });
    return onlyRead ? owner : undefined;
  }

  /**
   * An exported function: handlers, routes and components run per invocation; set-up code once;
   * anything else is judged where it is called (in this file, or at its callers in other files).
   */
  private exportedFrequency(exportName: string, fn: FunctionNode, ownName?: string): Frequency {
    const guessed = this.guessedExportFrequency(exportName, fn, ownName);
    // Its name or parameters make it look like a handler, but the project calls it itself: the
    // callers decide, and a chain is reported at its outermost per-invocation call. Not a Lambda
    // handler: the Lambda runtime calls it whatever local runners (`invoke.mjs`) do.
    if (guessed.kind === 'per-invocation' && guessed.context !== 'Lambda handler' && exportName !== 'default' && this.context.calledByImporters?.(exportName)) {
      return once(`exported as \`${exportName}\` and called by other modules: judged where it is called`, exportName);
    }
    return guessed;
  }

  private guessedExportFrequency(exportName: string, fn: FunctionNode, ownName?: string): Frequency {
    // `export default function handler()` is classified by its own name, and summarised as `default`.
    const name = ownName ?? exportName;
    // `exports.main = async function (ctx: FunctionContext)`: a laf cloud function is a handler whatever its name.
    const byType = handlerByParameterType(fn);
    if (byType) return perInvocation(byType, fn);
    // Set-up code runs once where this file is the program; importers that call it decide for themselves.
    if (SETUP_NAME.test(name)) return once(SET_UP_FUNCTION, exportName);
    // `export default function handler(req, res)` is a Next.js API route, not a Lambda.
    // `handler`, `lambdaHandler`, `fooHandler`: Lambda's naming; `handleGetCosts()`: some framework's handler.
    if (HANDLER_NAME.test(name) && !HANDLER_FACTORY_NAME.test(name)) return perInvocation(handlerByParameters(fn) ?? (/^handle[A-Z_]/.test(name) ? 'handler function' : 'Lambda handler'), fn);
    if (HTTP_METHOD.test(name)) return perInvocation('route handler', fn);
    if (this.isComponent(fn, name)) return perInvocation('React component render', fn);
    const byParameters = handlerByParameters(fn);
    if (byParameters) return perInvocation(byParameters, fn);
    return once(`exported as \`${exportName}\`: judged where it is called`, exportName);
  }

  private ofAssigned(fn: FunctionNode, assignment: TSESTree.AssignmentExpression, ownName?: string): Frequency {
    const target = dottedName(assignment.left) ?? '';
    if (/^(module\.)?exports$/.test(target)) return this.exportedFrequency('default', fn, ownName ?? (fn.type === 'ArrowFunctionExpression' ? undefined : fn.id?.name));
    if (/^(module\.)?exports\./.test(target)) return this.ofExportedMember(target.split('.').slice(0, -1).join('.'), target.split('.').pop()!, fn);
    // `const utilities = {}; utilities.prepAndSend = async () => …; module.exports = utilities`
    const member = assignment.left.type === 'MemberExpression' ? assignment.left : undefined;
    if (member?.object.type === 'Identifier' && this.isExportedObject(member.object)) return this.ofExportedMember(member.object.name, staticPropertyName(member as unknown as TSESTree.Property) ?? 'callback', fn);
    return perInvocation('callback', fn);
  }

  /**
   * `exports.f = …` / `self.f = …` on the exported object: judged by its export, and by the calls
   * this file makes through the same object (`self.f()` from a route in this file runs it per request).
   */
  private ofExportedMember(object: string, key: string, fn: FunctionNode): Frequency {
    const byExport = this.exportedFrequency(key, fn);
    if (byExport.kind === 'per-invocation') return byExport;
    let result: Once = byExport;
    for (const call of this.context.calls) {
      const callee = call.callee.type === 'ChainExpression' ? call.callee.expression : call.callee;
      if (callee.type !== 'MemberExpression' || staticPropertyName(callee) !== key || dottedName(callee.object) !== object) continue;
      const frequency = this.of(call);
      if (frequency.kind === 'per-invocation') return calledFrom(frequency);
      result = withExportsOf(result, frequency);
    }
    return result;
  }

  /**
   * A module-scope object that the module exports as a whole (`module.exports = utilities`,
   * `export default utilities`), or an alias of the exports object (`const self = module.exports`).
   */
  private isExportedObject(identifier: TSESTree.Identifier): boolean {
    const variable = this.context.scopes.findVariable(identifier);
    if (!variable || !this.context.scopes.isModuleLevel(variable.scope)) return false;
    const def = variable.defs.length === 1 ? variable.defs[0]! : undefined;
    let init = def?.node.type === 'VariableDeclarator' ? def.node.init : undefined;
    while (init?.type === 'AssignmentExpression' && init.operator === '=') init = /^(module\.)?exports$/.test(dottedName(init.left) ?? '') ? init.left : init.right;
    if (init && /^(module\.)?exports$/.test(dottedName(init) ?? '')) return true;
    return variable.references.some((reference) => {
      const { parent, child } = outerParent(reference.identifier as TSESTree.Node);
      return parent !== undefined && isExportTarget(parent, child) && (parent.type === 'ExportDefaultDeclaration' || /^(module\.)?exports$/.test(dottedName((parent as TSESTree.AssignmentExpression).left) ?? ''));
    });
  }

  /** A named function: how often do its callers in this file run? Exported ones also by their export. */
  private ofNamed(fn: FunctionNode, declaration: TSESTree.FunctionDeclaration | TSESTree.VariableDeclarator, exportName?: string): Frequency {
    const name = declaration.id?.type === 'Identifier' ? declaration.id.name : '';
    const declarationParent = declaration.type === 'VariableDeclarator' ? declaration.parent?.parent : declaration.parent;
    const exported = exportName ?? (declarationParent?.type === 'ExportNamedDeclaration' ? name : undefined);
    const byExport = exported !== undefined ? this.exportedFrequency(exported, fn, name || undefined) : undefined;
    if (byExport && (byExport.kind === 'per-invocation' || byExport.exportedAs === undefined)) return byExport;
    if (this.isComponent(fn, name)) return perInvocation('React component render', fn);
    const variable = this.context.scopes.declaredVariables(declaration).find((v) => v.name === name);
    if (!variable) return byExport ?? perInvocation('callback', fn);
    let result: Once | undefined;
    for (const reference of variable.references) {
      if (reference.init || reference.identifier === declaration.id || isInType(reference.identifier as TSESTree.Node)) continue;
      const use = this.ofUse(reference.identifier as TSESTree.Identifier, name, fn);
      if (use.kind === 'per-invocation') {
        // Passed or exported by name, the function *is* the handler; called, it runs from one.
        const { parent, child } = outerParent(reference.identifier as TSESTree.Node);
        const called = (parent?.type === 'CallExpression' || parent?.type === 'NewExpression') && parent.callee === child;
        return called ? calledFrom(use) : use;
      }
      // An export (`export { f }`, `module.exports = { f }`) outranks a call that runs once; a helper
      // that several exports call runs once per call of each of them.
      result = withExportsOf(result, use);
    }
    if (byExport) return result ? withExportsOf(result, byExport as Once) : byExport;
    return result ?? once('never called in this file');
  }

  /** How often a function runs through one use of its name. */
  private ofUse(identifier: TSESTree.Identifier, name: string, fn: FunctionNode): Frequency {
    const { parent, child } = outerParent(identifier);
    if (!parent) return once('module scope');
    if ((parent.type === 'CallExpression' || parent.type === 'NewExpression') && parent.callee === child) return this.of(parent);
    if (parent.type === 'CallExpression') return this.ofCallback(parent, fn);
    if (parent.type === 'ExportSpecifier') return this.exportedFrequency(parent.exported.type === 'Identifier' ? parent.exported.name : name, fn, name);
    if (parent.type === 'Property' && parent.value === child && parent.parent) {
      const key = staticPropertyName(parent) ?? name;
      if (ONCE_MEMBERS.has(key)) return once('framework hook');
      const container = outerParent(parent.parent).parent;
      if (container && isExportTarget(container, parent.parent)) return this.exportedFrequency(key, fn);
      const returned = container ? this.returnedMember(container, parent.parent, key) : undefined;
      if (returned) return returned;
      return perInvocation(`${key} callback`, fn);
    }
    if (parent.type === 'AssignmentExpression' && parent.right === child) return this.ofAssigned(fn, parent, name);
    if (parent.type === 'ExportDefaultDeclaration') return this.exportedFrequency('default', fn, name);
    if (parent.type === 'JSXOpeningElement' || parent.type === 'JSXExpressionContainer') return perInvocation('React component render', fn);
    return perInvocation('callback', fn);
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

/** A function called from per-invocation code runs per invocation too: "function called from a route callback". */
function calledFrom(caller: PerInvocation): PerInvocation {
  if (caller.context.startsWith('function called from')) return caller;
  return perInvocation(`function called from ${/^[aeiou]/i.test(caller.context) ? 'an' : 'a'} ${caller.context}`, caller.because);
}

/**
 * `known` and `next`, two ways a function runs once, as one: the first reason, and every export
 * whose calls run it (an export outranks a call that runs once, which names none).
 */
function withExportsOf(known: Once | undefined, next: Once): Once {
  if (!known) return next;
  const exports = [...exportsOf(known)];
  for (const name of exportsOf(next)) if (!exports.includes(name)) exports.push(name);
  if (exports.length === 0) return known;
  const first = known.exportedAs !== undefined ? known : next.exportedAs !== undefined ? next : known;
  return exports.length === 1 ? { kind: 'once', reason: first.reason, exportedAs: exports[0]! } : { kind: 'once', reason: first.reason, exportedAs: exports[0]!, viaExports: exports };
}

/** The export paths a once-frequency is summarised under. */
export function exportsOf(frequency: Once): readonly string[] {
  return frequency.viaExports ?? (frequency.exportedAs === undefined ? [] : [frequency.exportedAs]);
}

/**
 * An exported function whose parameters say it handles one invocation: `(event, context)` is a
 * Lambda handler whatever its export name (Serverless and SAM templates name it), `(req, res)` a
 * request handler, `(job)`/`(message)` an event handler.
 */
function handlerByParameters(fn: FunctionNode): string | undefined {
  const names = fn.params.map((param) => {
    const inner = param.type === 'AssignmentPattern' ? param.left : param.type === 'TSParameterProperty' ? param.parameter : param;
    return inner.type === 'Identifier' ? inner.name : '';
  });
  const [first = '', second = ''] = names;
  // `assumeRole(request: AssumeRoleRequest)`: an SDK operation's input, not a server's request.
  if (/^(req|request)$/.test(first) && isOperationInput(fn.params[0]!)) return undefined;
  if (/^(event|evt|lambdaEvent|apiGatewayEvent|sqsEvent|snsEvent|s3Event|records?)$/i.test(first) || /^(context|lambdaContext)$/.test(second)) return 'Lambda handler';
  if (/^(req|request)$/.test(first) || /^(res|response|reply|h)$/.test(second)) return 'request handler';
  if (/^(job|message|msg)$/.test(first)) return 'event handler';
  return undefined;
}

/** `AwsCredentialIdentityProvider`, `AWS.CredentialProvider`, `Provider<Credentials>`. */
const CREDENTIALS_PROVIDER_TYPE = /Credentials?(Identity)?Provider\b|Provider<\s*(AWS\.)?(Aws)?Credential/;
/** `makeSsoCredentialsProvider()`, `customCredentialProvider()`, `makeAwsCredentialsFromCognito()`: the function they return is a provider. */
const CREDENTIALS_PROVIDER_FACTORY = /credential/i;

/**
 * A function that returns a credentials provider: the provider it returns is called by its consumer
 * (an SDK client memoizes it) when the credentials it keeps are missing or expiring, not per request.
 */
function returnsCredentialsProvider(fn: FunctionNode): boolean {
  const annotation = fn.returnType?.typeAnnotation;
  if (annotation?.type === 'TSTypeReference') {
    const type = annotation.typeName.type === 'Identifier' ? annotation.typeName.name : annotation.typeName.type === 'TSQualifiedName' ? `${annotation.typeName.left.type === 'Identifier' ? annotation.typeName.left.name : ''}.${annotation.typeName.right.name}` : '';
    const argument = annotation.typeArguments?.params[0];
    const inner = argument?.type === 'TSTypeReference' && argument.typeName.type === 'Identifier' ? argument.typeName.name : '';
    if (CREDENTIALS_PROVIDER_TYPE.test(inner ? `${type}<${inner}>` : type)) return true;
  }
  const { parent } = outerParent(fn);
  const name = fn.type === 'FunctionDeclaration' ? fn.id?.name : parent?.type === 'MethodDefinition' || parent?.type === 'PropertyDefinition' || parent?.type === 'Property' ? staticPropertyName(parent as TSESTree.Property) : parent?.type === 'VariableDeclarator' && parent.id.type === 'Identifier' ? parent.id.name : undefined;
  return name !== undefined && CREDENTIALS_PROVIDER_FACTORY.test(name);
}

/** Request types of servers and frameworks; any other `XRequest`/`XInput` is an operation's input. */
const SERVER_REQUEST_TYPE = /^(Request|IncomingMessage|Http\w*Request|Fastify\w*Request|Next\w*Request|Express\w*Request|Koa\w*Request|Hapi\w*Request|Api\w*Request|\w*(Http|Web|Server|Incoming|Authenticated|Authorized)\w*Request|Req)$/;

function isOperationInput(param: TSESTree.Parameter): boolean {
  const inner = param.type === 'AssignmentPattern' ? param.left : param.type === 'TSParameterProperty' ? param.parameter : param;
  const annotation = 'typeAnnotation' in inner ? inner.typeAnnotation?.typeAnnotation : undefined;
  if (annotation?.type !== 'TSTypeReference') return false;
  const type = annotation.typeName.type === 'Identifier' ? annotation.typeName.name : annotation.typeName.type === 'TSQualifiedName' ? annotation.typeName.right.name : '';
  return /\w(Request|Input|CommandInput|Params)$/.test(type) && !SERVER_REQUEST_TYPE.test(type);
}

/** Parameter types only handlers receive: aws-lambda's event types, laf's `FunctionContext`. */
const HANDLER_PARAMETER_TYPE = /^(FunctionContext|(APIGateway\w*|ALB|SQS|SNS|S3|DynamoDBStream|KinesisStream|EventBridge|Scheduled|CloudWatchLogs|Cognito\w*Trigger)Event(V2)?)$/;

function handlerByParameterType(fn: FunctionNode): string | undefined {
  const [first] = fn.params;
  const annotation = first && 'typeAnnotation' in first ? first.typeAnnotation?.typeAnnotation : undefined;
  if (annotation?.type !== 'TSTypeReference' || annotation.typeName.type !== 'Identifier') return undefined;
  const type = annotation.typeName.name;
  if (!HANDLER_PARAMETER_TYPE.test(type)) return undefined;
  return type === 'FunctionContext' ? 'cloud function handler' : 'Lambda handler';
}

/** The last argument, taking an error first: `(err, data) => …` (a lone `(e) => …` is a DOM event handler). */
function isCompletionCallback(fn: FunctionNode, call: TSESTree.CallExpression): boolean {
  const [first] = fn.params;
  if (call.arguments.at(-1) !== fn || first?.type !== 'Identifier') return false;
  return /^(err|error|er)$/.test(first.name) || (first.name === 'e' && fn.params.length >= 2);
}

/** The call's result is awaited or returned: the function it was given runs as part of this run. */
function isRunNow(call: TSESTree.CallExpression): boolean {
  let current: TSESTree.Node = call;
  // Through `.then(…)`/`.catch(…)` chains: `await retry(fn).catch(log)`.
  while (current.parent?.type === 'MemberExpression' && current.parent.object === current && current.parent.parent?.type === 'CallExpression') current = current.parent.parent;
  const { parent, child } = outerParent(current);
  if (parent?.type === 'AwaitExpression' || parent?.type === 'ReturnStatement') return true;
  return parent?.type === 'ArrowFunctionExpression' && parent.body === child;
}

/** The provider list of a v2 credential chain: `new CredentialProviderChain([…])`, `chain.providers = […]`, `CredentialProviderChain.defaultProviders = […]`. */
function isCredentialChainList(array: TSESTree.ArrayExpression): boolean {
  const { parent, child } = outerParent(array);
  if (parent?.type === 'NewExpression') return parent.arguments.includes(child as TSESTree.CallExpressionArgument) && /CredentialProviderChain$/.test(dottedName(parent.callee) ?? '');
  if (parent?.type === 'AssignmentExpression' && parent.right === child) return /\.(providers|defaultProviders)$/.test(dottedName(parent.left) ?? '');
  if (parent?.type === 'Property' && parent.value === child) return staticPropertyName(parent) === 'providers';
  return false;
}

/** `typeof f` in a type, `ReturnType<typeof f>`: a mention, not a call. */
function isInType(node: TSESTree.Node): boolean {
  for (let current = node.parent; current; current = current.parent) {
    if (current.type === 'TSTypeQuery' || current.type === 'TSTypeAnnotation' || current.type === 'TSTypeAliasDeclaration' || current.type === 'TSInterfaceDeclaration') return true;
    if (current.type.endsWith('Statement') || current.type.endsWith('Declaration') || isFunction(current)) return false;
  }
  return false;
}

/** `@Memoize()`, `@memoize`, `@Cacheable()`, `@Once()` on a method. */
function hasCachingDecorator(method: TSESTree.MethodDefinition): boolean {
  return (method.decorators ?? []).some((decorator) => {
    const expression = decorator.expression;
    const name = dottedName(expression.type === 'CallExpression' ? expression.callee : expression) ?? '';
    return /memo|cach|^once$/i.test(name.split('.').pop() ?? '');
  });
}

/** `module.exports = {...}`, `export default {...}`, `exports.x = {...}`. */
function isExportTarget(parent: TSESTree.Node, object: TSESTree.Node): boolean {
  if (parent.type === 'ExportDefaultDeclaration') return true;
  if (parent.type === 'AssignmentExpression' && parent.right === object) return /^(module\.)?exports(\.|$)/.test(dottedName(parent.left) ?? '');
  return false;
}

/** `if (!creds || creds.expiration < Date.now())`: a hand-made cache that refreshes. */
function checksExpiry(test: TSESTree.Node): boolean {
  const stack: TSESTree.Node[] = [test];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (node.type === 'Identifier' && /expir/i.test(node.name)) return true;
    if (node.type === 'LogicalExpression' || node.type === 'BinaryExpression') stack.push(node.left, node.right);
    else if (node.type === 'UnaryExpression') stack.push(node.argument);
    else if (node.type === 'MemberExpression') stack.push(node.object, node.property);
    else if (node.type === 'CallExpression') stack.push(node.callee, ...(node.arguments as TSESTree.Node[]));
  }
  return false;
}

function isLazyAssignment(logical: TSESTree.LogicalExpression, right: TSESTree.Node): boolean {
  if (logical.operator === '&&' || right.type !== 'AssignmentExpression' || right.operator !== '=') return false;
  const left = dottedName(logical.left);
  return left !== undefined && left === dottedName(right.left);
}
