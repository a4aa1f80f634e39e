// findSites: every place the file creates a credential source, client or STS call too often, or
// freezes credentials, with the fix plan for each. The only entry the rules and codemods use.
import type { TSESTree } from '@typescript-eslint/utils';
import {
  type CatalogEntry,
  MODULE_FRAGMENTS,
  V2_GLOBAL_CREDENTIALS,
  V2_STS_CALL,
  V2_STS_METHODS,
  entryFor,
  isCatalogModule,
  isV2GlobalCredentials,
  isV2StsClass,
  runtimeWrapperOf,
} from '../catalog/index.js';
import { RUNTIME_WRAPPERS } from '../catalog/runtime.js';
import { Bindings, type Resolved } from './bindings.js';
import { costOf } from './costs.js';
import { NameAllocator, baseNameFor } from './fix-plan/names.js';
import { sharedDefaultChainPlan } from './fix-plan/client-credentials.js';
import { unfreezePlan } from './fix-plan/unfreeze.js';
import { type PlanContext, importEdits, manual, planFor } from './fix-plan/plans.js';
import { Frequencies, REFRESHED_ON_EXPIRY, fileRoleOf } from './frequency/index.js';
import { mskPlan } from './fix-plan/msk.js';
import { assumeRolePlan } from './fix-plan/assume-role.js';
import { Scopes } from './scopes.js';
import { type AnalysisInput, type AnalysisOptions, DEFAULT_RUNTIME_MODULE, type FixPlan, type Frequency, type PerInvocation, type Site } from './types.js';
import { collect, dottedName, outerParent, staticPropertyName, unwrap } from './walk.js';

export function findSites(input: AnalysisInput, options: AnalysisOptions = {}): Site[] {
  const runtimeModule = options.runtimeModule ?? DEFAULT_RUNTIME_MODULE;
  if (!MODULE_FRAGMENTS.some((fragment) => input.text.includes(fragment)) && !input.text.includes(runtimeModule)) return [];
  return new FileAnalysis(input, runtimeModule, new Set(options.memoizers ?? []), new Set(options.availableModules ?? [])).run();
}

class FileAnalysis {
  private readonly scopes: Scopes;
  private readonly bindings: Bindings;
  private readonly frequencies: Frequencies;
  private readonly collected: ReturnType<typeof collect>;
  private readonly plan: PlanContext;
  private readonly sites: Site[] = [];

  constructor(
    private readonly input: AnalysisInput,
    private readonly runtimeModule: string,
    private readonly memoizers: ReadonlySet<string>,
    private readonly availableModules: ReadonlySet<string>,
  ) {
    this.collected = collect(input.ast);
    this.scopes = new Scopes(input.scopeManager);
    this.bindings = new Bindings(this.scopes, (module) => isCatalogModule(module, runtimeModule));
    this.frequencies = new Frequencies({
      scopes: this.scopes,
      jsx: this.collected.jsx,
      role: fileRoleOf(input.projectPath ?? input.filename, input.ast, input.text),
      isCachingWrapper: (call) => this.cachingWrapper(call),
    });
    this.plan = {
      program: input.ast,
      text: input.text,
      scopes: this.scopes,
      names: new NameAllocator(this.scopes.allNames()),
      runtimeModule,
      availableModules,
      isAllowedCall: (call) => this.entryOf(call)?.kind === 'provider',
    };
  }

  run(): Site[] {
    const bySource = (a: TSESTree.Node, b: TSESTree.Node): number => a.range[0] - b.range[0];
    // Source order, so hoisted names are numbered top to bottom.
    const nodes = [...this.collected.calls, ...this.collected.news, ...this.collected.assignments].sort(bySource);
    for (const node of nodes) {
      try {
        if (node.type === 'CallExpression') this.visitCall(node);
        else if (node.type === 'NewExpression') this.visitNew(node);
        else this.visitAssignment(node);
      } catch {
        // A shape the analysis does not know: skip this node, never the file.
      }
    }
    return this.sites.sort((a, b) => a.node.range[0] - b.node.range[0]);
  }

  private entryOf(node: TSESTree.CallExpression | TSESTree.NewExpression): CatalogEntry | undefined {
    const callee = this.bindings.resolve(node.callee);
    if (!callee || callee.via !== 'ref') return undefined;
    return entryFor(callee, node.type === 'NewExpression' ? 'new' : 'call');
  }

  /** Our runtime, a memoizer the team configured, or anything imported under a runtime name (a vendored copy). */
  private cachingWrapper(call: TSESTree.CallExpression): string | undefined {
    const name = dottedName(call.callee);
    if (name && this.memoizers.has(name)) return name;
    const callee = this.bindings.resolve(call.callee);
    if (callee) return runtimeWrapperOf(callee, this.runtimeModule);
    if (call.callee.type === 'Identifier' && RUNTIME_WRAPPERS.has(call.callee.name)) {
      const variable = this.scopes.findVariable(call.callee);
      if (variable?.defs[0]?.type === 'ImportBinding' || (variable?.defs[0]?.type === 'Variable' && variable.defs[0].node.type === 'VariableDeclarator' && variable.defs[0].node.init?.type === 'CallExpression')) return call.callee.name;
    }
    return undefined;
  }

  private visitCall(call: TSESTree.CallExpression): void {
    const entry = this.entryOf(call);
    if (entry?.kind === 'provider') return this.visitProvider(call, entry);
    if (entry?.kind === 'msk-token') return this.visitMskToken(call, entry);
    if (!entry && !this.visitMaybeStsMethod(call)) this.visitMaybeFrozenAwait(call);
  }

  private visitProvider(call: TSESTree.CallExpression, entry: CatalogEntry): void {
    const name = entry.exportName!;
    const { parent, child } = outerParent(call);
    if (parent?.type === 'CallExpression' && parent.callee === child) {
      const outer = this.frequencies.of(parent);
      if (outer.kind === 'once' && outer.reason === REFRESHED_ON_EXPIRY) return;
      // Per invocation, `fromX()()` builds a fresh provider (an empty cache) and fetches every time.
      if (outer.kind === 'once') return this.add(parent, entry, 'no-frozen-credentials', 'providerInvokedOnce', outer, name, this.unfreezePlan(parent, call));
    }
    const frequency = this.frequencies.of(call);
    if (frequency.kind !== 'per-invocation' || entry.localOnly) return;
    const plan = planFor({ node: call, apiName: name, baseName: baseNameFor(name), wrap: true, keyable: true }, this.plan);
    this.add(call, entry, 'no-per-request-credential-provider', 'providerPerInvocation', frequency, name, plan);
  }

  private visitMskToken(call: TSESTree.CallExpression, entry: CatalogEntry): void {
    const frequency = this.frequencies.of(call);
    if (frequency.kind !== 'per-invocation') return;
    this.add(call, entry, 'no-per-request-credential-provider', 'mskTokenPerInvocation', frequency, entry.exportName!, mskPlan(call, entry.exportName!, this.plan));
  }

  /** `sts.assumeRole(...)` on an SDK v2 STS client (or the v3 aggregated `STS` class). */
  private visitMaybeStsMethod(call: TSESTree.CallExpression): boolean {
    const callee = unwrap(call.callee);
    if (callee.type !== 'MemberExpression') return false;
    const method = staticPropertyName(callee);
    if (!method || !V2_STS_METHODS.has(method)) return false;
    const object = this.bindings.resolve(callee.object);
    if (!object || object.via !== 'new') return false;
    const isSts = isV2StsClass(object) || (object.module === '@aws-sdk/client-sts' && object.path[0] === 'STS');
    if (!isSts) return false;
    const frequency = this.frequencies.of(call);
    if (frequency.kind === 'per-invocation') {
      const plan = manual('replace the call with a module-scope `cacheCredentials(fromTemporaryCredentials({ params }))` (or `sharedCredentials(key, ...)` when the role varies) and pass it as `credentials`.');
      this.add(call, V2_STS_CALL, 'no-per-request-sts-call', 'credentialsCallPerInvocation', frequency, `sts.${method}`, plan);
    }
    return true;
  }

  /** `const credentials = await provider()` at module scope: resolved once, never refreshed. */
  private visitMaybeFrozenAwait(call: TSESTree.CallExpression): boolean {
    const { parent } = outerParent(call);
    if (parent?.type !== 'AwaitExpression' || unwrap(call.callee).type !== 'Identifier') return false;
    const callee = this.bindings.resolve(call.callee);
    if (!callee || callee.via !== 'call' || !callee.creator) return false;
    const entry = entryFor({ module: callee.module, path: callee.path }, 'call');
    if (entry?.kind !== 'provider') return false;
    const frequency = this.frequencies.of(call);
    if (frequency.kind !== 'once' || frequency.exportedAs !== undefined) return false;
    const plan = unfreezePlan(parent, this.input.text.slice(call.callee.range[0], call.callee.range[1]), this.scopes);
    this.add(call, entry, 'no-frozen-credentials', 'awaitedCredentialsFrozen', frequency, entry.exportName!, plan);
    return true;
  }

  private visitNew(node: TSESTree.NewExpression): void {
    const entry = this.entryOf(node);
    if (!entry) return;
    if (entry.kind === 'credentials-command') return this.visitCommand(node, entry);
    if (entry.kind === 'v2-credentials') return this.visitV2Credentials(node, entry);
    if (entry.kind === 'client') return this.visitClient(node, entry);
  }

  private visitCommand(node: TSESTree.NewExpression, entry: CatalogEntry): void {
    const frequency = this.frequencies.of(node);
    if (frequency.kind !== 'per-invocation') return;
    const planned = assumeRolePlan(node, entry.exportName!, this.plan);
    const plan = 'plan' in planned
      ? planned.plan
      : manual('replace the command and the code that copies its Credentials with `fromTemporaryCredentials({ params })` from @aws-sdk/credential-providers, created once (`cacheCredentials`) or per key (`sharedCredentials`).');
    this.add(node, entry, 'no-per-request-sts-call', 'credentialsCallPerInvocation', frequency, entry.exportName!, plan);
  }

  private visitV2Credentials(node: TSESTree.NewExpression, entry: CatalogEntry): void {
    const { parent, child } = outerParent(node);
    if (parent?.type === 'AssignmentExpression' && parent.right === child && this.isGlobalCredentials(parent.left)) return; // reported as the assignment
    const frequency = this.frequencies.of(node);
    if (frequency.kind !== 'per-invocation') return;
    const name = entry.exportName!;
    const plan = planFor({ node, apiName: name, baseName: baseNameFor(name), wrap: false, keyable: false }, this.plan);
    this.add(node, entry, 'no-per-request-credential-provider', 'v2CredentialsPerInvocation', frequency, name, plan);
  }

  private visitClient(node: TSESTree.NewExpression, entry: CatalogEntry): void {
    const frequency = this.frequencies.of(node);
    if (frequency.kind !== 'per-invocation') return;
    const callee = this.bindings.resolve(node.callee)!;
    const name = callee.path[callee.path.length - 1] ?? entry.exportName ?? 'Client';
    const credentials = this.credentialsOf(node);
    if (credentials === 'opaque') return; // config the analysis cannot see: it may carry credentials
    if (!credentials) {
      if (entry.id === 'v3:SignatureV4') return; // it has no default chain: `credentials` is required
      const plan = planFor({ node, apiName: name, baseName: baseNameFor(name), wrap: false, keyable: false }, this.plan);
      const fixed = plan.kind === 'manual' ? sharedDefaultChainPlan(node, name, this.plan, this.availableModules, plan.reason) : plan;
      // In Lambda the default chain reads environment variables: the cost is set-up, not a fetch.
      const messageId = frequency.context.includes('Lambda handler') ? 'clientDefaultChainInLambda' : 'clientDefaultChainPerInvocation';
      return this.add(node, entry, 'no-per-request-client', messageId, frequency, name, fixed);
    }
    const provider = this.uncachedModuleProvider(credentials);
    if (!provider) return;
    const [providerEntry, providerCall, isModuleLevel] = provider;
    const plan = isModuleLevel ? this.wrapDeclarationPlan(providerCall, providerEntry) : manual('the provider it is given is not created at module scope.');
    const data = { cost: costOf(providerEntry.origin) };
    this.add(node, entry, 'no-per-request-client', 'clientUncachedProviderPerInvocation', frequency, name, plan, { provider: providerEntry.exportName!, ...data });
  }

  /**
   * The value of the client's `credentials`, undefined when its config has none, or 'opaque' when
   * the config cannot be seen (a parameter, a call, a spread). A config held in a `const` bound to
   * an object literal is looked into.
   */
  private credentialsOf(node: TSESTree.NewExpression): TSESTree.Node | 'opaque' | undefined {
    let config = node.arguments[0] ? unwrap(node.arguments[0]) : undefined;
    if (!config) return undefined;
    if (config.type === 'Identifier') config = this.constObject(config) ?? config;
    if (config.type !== 'ObjectExpression') return 'opaque';
    let found: TSESTree.Node | 'opaque' | undefined;
    for (const property of config.properties) {
      if (property.type === 'SpreadElement') found = 'opaque';
      else if (staticPropertyName(property) === 'credentials') found = property.value;
      else if (property.computed) found = 'opaque';
    }
    return found;
  }

  private constObject(identifier: TSESTree.Identifier): TSESTree.ObjectExpression | undefined {
    const variable = this.scopes.findVariable(identifier);
    const def = variable?.defs.length === 1 ? variable.defs[0] : undefined;
    if (def?.type !== 'Variable' || def.node.type !== 'VariableDeclarator' || def.parent?.type !== 'VariableDeclaration' || def.parent.kind !== 'const') return undefined;
    const init = def.node.init ? unwrap(def.node.init) : undefined;
    return def.node.id.type === 'Identifier' && init?.type === 'ObjectExpression' ? init : undefined;
  }

  /** The `credentials` value is a variable bound to a provider that does not cache by itself. */
  private uncachedModuleProvider(value: TSESTree.Node): [CatalogEntry, TSESTree.CallExpression, boolean] | undefined {
    const expression = unwrap(value);
    if (expression.type !== 'Identifier') return undefined;
    const resolved: Resolved | undefined = this.bindings.resolve(expression);
    if (!resolved || resolved.via !== 'call' || resolved.creator?.type !== 'CallExpression') return undefined;
    const entry = entryFor({ module: resolved.module, path: resolved.path }, 'call');
    if (!entry || entry.kind !== 'provider' || entry.selfCaching) return undefined;
    // A provider built per invocation too is the provider rule's finding; the client adds nothing.
    if (this.frequencies.of(resolved.creator).kind === 'per-invocation') return undefined;
    const variable = this.scopes.findVariable(expression);
    const isModuleLevel = !!variable && this.scopes.isModuleLevel(variable.scope);
    return [entry, resolved.creator, isModuleLevel];
  }

  private wrapDeclarationPlan(call: TSESTree.CallExpression, entry: CatalogEntry): FixPlan {
    const { parent } = outerParent(call);
    if (parent?.type !== 'VariableDeclarator') return manual('wrap the provider in `cacheCredentials(...)` where it is created.');
    const original = this.input.text.slice(call.range[0], call.range[1]);
    const imports = [{ module: this.runtimeModule, names: ['cacheCredentials'] }];
    return {
      kind: 'hoist',
      description: `cacheCredentials(${entry.exportName}(…)) where it is created, so every client shares one cache`,
      edits: [...importEdits(this.plan, imports), { range: [call.range[0], call.range[1]], text: `cacheCredentials(${original})` }],
      imports,
    };
  }

  private visitAssignment(assignment: TSESTree.AssignmentExpression): void {
    if (!this.isGlobalCredentials(assignment.left)) return;
    const right = unwrap(assignment.right);
    if (right.type !== 'NewExpression') return;
    const frequency = this.frequencies.of(assignment);
    if (frequency.kind !== 'per-invocation') return;
    const entry = this.entryOf(right) ?? V2_GLOBAL_CREDENTIALS;
    // Static inputs: one credentials object, built once and assigned (it caches and refreshes itself).
    // Varying inputs: a process-wide global set per request races between concurrent requests.
    const hoisted = entry.kind === 'v2-credentials' && entry !== V2_GLOBAL_CREDENTIALS
      ? planFor({ node: right, apiName: entry.exportName!, baseName: baseNameFor(entry.exportName!), wrap: false, keyable: false }, this.plan)
      : undefined;
    const plan = hoisted && hoisted.kind !== 'manual'
      ? hoisted
      : manual('set `AWS.config.credentials` once at start-up; per request, pass `credentials` to the client instead (a global set per request races between concurrent requests).');
    this.add(assignment, entry, 'no-frozen-credentials', 'globalCredentialsPerInvocation', frequency, entry.exportName ?? 'AWS.config.credentials', plan);
  }

  private isGlobalCredentials(node: TSESTree.Node): boolean {
    const resolved = this.bindings.resolve(node);
    return !!resolved && isV2GlobalCredentials(resolved);
  }

  /** `fromX()()`, awaited or not: pass the provider `fromX()` itself. */
  private unfreezePlan(outer: TSESTree.CallExpression, inner: TSESTree.CallExpression): FixPlan {
    const { parent } = outerParent(outer);
    const resolved = parent?.type === 'AwaitExpression' ? parent : outer;
    return unfreezePlan(resolved, this.input.text.slice(inner.range[0], inner.range[1]), this.scopes);
  }

  private add(
    node: TSESTree.Node,
    entry: CatalogEntry,
    rule: Site['rule'],
    messageId: string,
    frequency: Frequency,
    name: string,
    fix: FixPlan,
    extra: Record<string, string> = {},
  ): void {
    const context = frequency.kind === 'per-invocation' ? (frequency as PerInvocation).context : frequency.reason;
    this.sites.push({ rule, messageId, node, entry, frequency, fix, data: { name, context, cost: costOf(entry.origin), ...extra } });
  }
}
