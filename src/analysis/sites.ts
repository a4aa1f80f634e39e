// findSites: every place the file creates a credential source, client or STS call too often, or
// freezes credentials, with the fix plan for each. The only entry the rules and codemods use.
import type { TSESTree } from '@typescript-eslint/utils';
import {
  type CatalogEntry,
  MODULE_FRAGMENTS,
  V2_CONFIG_CREDENTIALS,
  V2_GLOBAL_CREDENTIALS,
  V2_STS_CALL,
  V2_STS_METHODS,
  CREDENTIAL_ENDPOINTS,
  ENDPOINT_MARKERS,
  FACTORY_ENTRY,
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
import { signsNothing } from './unsigned-clients.js';
import { unfreezePlan } from './fix-plan/unfreeze.js';
import { type PlanContext, importEdits, manual, planFor } from './fix-plan/plans.js';
import { type FileRole, Frequencies, REFRESHED_ON_EXPIRY, SET_UP_FUNCTION, exportsOf, fileRoleOf, mayTakeImportersRole } from './frequency/index.js';
import { callbackKind } from './frequency/callbacks.js';
import { exportsReachingDeclaration, exportsReachingImports, topLevelName } from './frequency/reaching-exports.js';
import { exportsHandler } from './frequency/file-role.js';
import { mskPlan } from './fix-plan/msk.js';
import { assumeRolePlan } from './fix-plan/assume-role.js';
import { v2StsCallPlan } from './fix-plan/v2-sts-sites.js';
import { guardedPlan } from './fix-plan/guards.js';
import { type ConfigCredentials, credentialsOfConfig } from './client-config.js';
import { ImportedCallees, topLevelSpecifiers } from './imported-callee.js';
import { Scopes } from './scopes.js';
import { type AnalysisInput, type AnalysisOptions, type Creation, DEFAULT_RUNTIME_MODULE, type FixPlan, type Frequency, type PerInvocation, type ProjectLookup, type Site } from './types.js';
import { collect, dottedName, outerParent, staticPropertyName, unwrap } from './walk.js';

/** Functions that send an HTTP request to the URL in their first argument. */
const HTTP_CALLEES = new Set(['fetch', 'get', 'request', 'post', 'axios', 'got', 'ky', 'needle', 'superagent', 'urlopen', 'httpGet', 'httpRequest']);

/** Inputs only an STS credentials call takes: a call of that shape is STS whatever its receiver. */
const STS_INPUTS = new Set(['RoleArn', 'RoleSessionName', 'WebIdentityToken', 'SAMLAssertion', 'SerialNumber', 'TokenCode']);

export function findSites(input: AnalysisInput, options: AnalysisOptions = {}): Site[] {
  if (!worthAnalysing(input, options)) return [];
  const analysis = new FileAnalysis(input, options);
  const sites = analysis.run().sites;
  return analysis.role === 'app' ? withRunOnceDeclarations(input, options, sites) : sites;
}

/**
 * An application module's top-level declaration that only run-once code can reach (a CLI imports
 * the class; application modules import only the file's other exports) is judged as a script
 * judges it: sites in it come from a second analysis with the script role.
 */
function withRunOnceDeclarations(input: AnalysisInput, options: AnalysisOptions, sites: Site[]): Site[] {
  const project = options.project;
  if (!project?.importedOnlyByRunOnce || !mayTakeImportersRole(input.ast, input.text)) return sites;
  const verdicts = new Map<TSESTree.ProgramStatement, boolean>();
  for (const site of sites) {
    const statement = topLevelStatementOf(site.node);
    if (site.frequency.kind !== 'per-invocation' || !statement || verdicts.has(statement)) continue;
    const name = topLevelName(statement);
    const reaching = name === undefined ? undefined : exportsReachingDeclaration(input.ast, name);
    verdicts.set(statement, !!reaching && project.importedOnlyByRunOnce(() => reaching));
  }
  const runOnce = (site: Site): boolean => verdicts.get(topLevelStatementOf(site.node)!) === true;
  if (!sites.some(runOnce)) return sites;
  const asScript = new FileAnalysis(input, options, 'script').run().sites.filter(runOnce);
  return [...sites.filter((site) => !runOnce(site)), ...asScript].sort((a, b) => a.node.range[0] - b.node.range[0]);
}

function topLevelStatementOf(node: TSESTree.Node): TSESTree.ProgramStatement | undefined {
  let current: TSESTree.Node = node;
  while (current.parent && current.parent.type !== 'Program') current = current.parent;
  return current.parent ? (current as TSESTree.ProgramStatement) : undefined;
}

/**
 * What each export of the file creates on every call (for the module summaries of src/project):
 * export path -> creations, through local calls and the file's own imports.
 */
export function summarizeExports(input: AnalysisInput, options: AnalysisOptions = {}): Map<string, Creation[]> {
  if (!worthAnalysing(input, options)) return new Map();
  return new FileAnalysis(input, options).run().creations;
}

/** The file mentions an AWS module or our runtime, or imports a project module that creates something. */
export function worthAnalysing(input: AnalysisInput, options: AnalysisOptions): boolean {
  const runtimeModule = options.runtimeModule ?? DEFAULT_RUNTIME_MODULE;
  if (MODULE_FRAGMENTS.some((fragment) => input.text.includes(fragment)) || input.text.includes(runtimeModule)) return true;
  if (ENDPOINT_MARKERS.some((marker) => input.text.includes(marker))) return true;
  const project = options.project;
  if (!project) return false;
  // Typed mode: a value may be typed by any project module the file imports, even one that creates
  // nothing itself (a container, a factory typed `: StsService`); the checker finds the declaration.
  if (options.typedCallee) return topLevelSpecifiers(input.ast, true).length > 0;
  return topLevelSpecifiers(input.ast).some((specifier) => project.mayCreate(specifier));
}

class FileAnalysis {
  private readonly scopes: Scopes;
  private readonly bindings: Bindings;
  private readonly frequencies: Frequencies;
  private readonly collected: ReturnType<typeof collect>;
  private readonly plan: PlanContext;
  private readonly sites: Site[] = [];

  private readonly runtimeModule: string;
  private readonly memoizers: ReadonlySet<string>;
  private readonly availableModules: ReadonlySet<string>;
  private readonly project: ProjectLookup | undefined;
  private readonly lambdaPackage: boolean;
  private readonly bundledApart: string | undefined;
  private readonly importedCallees: ImportedCallees;
  private readonly typedCallee: AnalysisOptions['typedCallee'];
  private readonly creations = new Map<string, Creation[]>();
  private readonly definitionLines: ReadonlySet<number> | undefined;
  private readonly forCallersElsewhere = new Set<TSESTree.Node>();

  readonly role: FileRole;

  constructor(
    private readonly input: AnalysisInput,
    options: AnalysisOptions,
    role?: FileRole,
  ) {
    const runtimeModule = (this.runtimeModule = options.runtimeModule ?? DEFAULT_RUNTIME_MODULE);
    this.memoizers = new Set(options.memoizers ?? []);
    const availableModules = (this.availableModules = new Set(options.availableModules ?? []));
    this.project = options.project;
    this.typedCallee = options.typedCallee;
    this.lambdaPackage = options.lambdaPackage === true;
    this.definitionLines = options.definitionLines;
    this.bundledApart = options.bundledApart;
    this.collected = collect(input.ast);
    this.scopes = new Scopes(input.scopeManager);
    this.importedCallees = new ImportedCallees(this.scopes);
    this.bindings = new Bindings(this.scopes, (module) => isCatalogModule(module, runtimeModule), this.collected.assignments);
    this.frequencies = new Frequencies({
      scopes: this.scopes,
      jsx: this.collected.jsx,
      calls: this.collected.calls,
      role: (this.role = role ?? roleOf(input, options.project)),
      isCachingWrapper: (call) => this.cachingWrapper(call),
      calledByImporters: options.project?.calledByImporters,
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

  run(): { sites: Site[]; creations: Map<string, Creation[]> } {
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
    return { sites: this.sites.sort((a, b) => a.node.range[0] - b.node.range[0]), creations: this.creations };
  }

  /**
   * How often `node` runs, when it runs per invocation; when it runs once per call of an export,
   * what it builds goes into the module's summary instead (its callers in other files decide).
   */
  private judge(node: TSESTree.Node, creation: Omit<Creation, 'where'>): PerInvocation | undefined {
    const frequency = this.frequencies.of(node);
    if (frequency.kind === 'per-invocation') return frequency;
    const exported = exportsOf(frequency);
    const at = this.input.filename ? { at: { file: this.input.filename, line: node.loc.start.line } } : {};
    for (const exportName of exported) this.noteCreation(exportName, { ...creation, where: this.whereIs(node), ...at });
    // Callers elsewhere run it per invocation (fix asks): planned here, where the factory builds it.
    if (exported.length > 0 && this.definitionLines?.has(node.loc.start.line)) {
      this.forCallersElsewhere.add(node);
      return { kind: 'per-invocation', context: `\`${exported[0]}\` called per invocation from other modules`, because: node };
    }
    return undefined;
  }

  private noteCreation(exportName: string, creation: Creation): void {
    const list = this.creations.get(exportName) ?? [];
    if (list.some((known) => known.where === creation.where && known.rule === creation.rule && known.api === creation.api)) return;
    list.push(creation);
    this.creations.set(exportName, list);
  }

  /** In Lambda the default chain reads environment variables: the cost is set-up, not a fetch. */
  private inLambda(frequency: PerInvocation, node: TSESTree.Node): boolean {
    return this.lambdaPackage || frequency.context.includes('Lambda handler') || this.frequencies.withinLambdaHandler(node);
  }

  private whereIs(node: TSESTree.Node): string {
    return this.project?.whereIs(node.loc.start.line) ?? `${this.input.filename ?? 'this file'}:${node.loc.start.line}`;
  }

  /**
   * A call of a function (or `new` of a class) from another module of the project whose summary
   * says it builds a credential source or client on every call. Per invocation: a finding here,
   * naming the factory and where it builds. Once per call of an export of this file: passed on to
   * this file's own summary.
   */
  private visitProjectCall(node: TSESTree.CallExpression | TSESTree.NewExpression): void {
    if (!this.project) return;
    const callee = this.importedCallees.of(node);
    let creations = callee ? (this.project.creationsOf(callee.specifier, callee.name) ?? []) : [];
    let calleeName = callee?.name;
    if (creations.length === 0 && this.typedCallee) {
      // Typed mode: what the syntax cannot see, the checker resolves to a project declaration.
      const typed = this.typedCallee(node);
      if (typed) {
        creations = this.project.creationsAt(typed.file, typed.name) ?? [];
        calleeName = typed.name;
      }
    }
    if (calleeName === undefined) return;
    this.reportFactory(node, node.callee, calleeName, creations, this.frequencies.of(node));
  }

  /**
   * `router.get('/users', listUsers)`: an imported function handed to a route or event as its
   * handler runs as often as the callback would; the finding is at the reference.
   */
  private visitPassedHandlers(call: TSESTree.CallExpression): void {
    if (!this.project) return;
    for (const argument of call.arguments) {
      if (argument.type !== 'Identifier' && argument.type !== 'MemberExpression') continue;
      const callee = this.importedCallees.ofReference(argument);
      const creations = callee ? (this.project.creationsOf(callee.specifier, callee.name) ?? []) : [];
      if (!callee || creations.length === 0) continue;
      const kind = callbackKind(call);
      // Test code runs once; a reference handed to an unknown function (`wrap(fn)`, `vi.mocked(fn)`) is not known to be called at all.
      if (kind.kind === 'once' || this.frequencies.role === 'test' || (kind.kind === 'per-invocation' && kind.context === 'callback')) continue;
      const frequency = kind.kind === 'per-invocation' ? { kind: 'per-invocation' as const, context: kind.context, because: call } : this.frequencies.of(call);
      this.reportFactory(argument, argument, callee.name, creations, frequency);
    }
  }

  private reportFactory(node: TSESTree.Node, callee: TSESTree.Node, calleeName: string, creations: readonly Creation[], frequency: Frequency): void {
    const first = costliest(creations);
    if (!first) return;
    if (frequency.kind === 'once') {
      for (const exportName of exportsOf(frequency)) for (const creation of creations) this.noteCreation(exportName, creation);
      return;
    }
    // The name the code calls it by (`getState`, not `default`).
    const name = (/(^|\.)default(\.|$)/.test(calleeName) ? dottedName(unwrap(callee)) : undefined) ?? calleeName.replace(/^default$/, 'default export');
    const lambdaClient = first.defaultChainClient && this.inLambda(frequency, node);
    const plan = manual(`make \`${name}\` (${first.where}) keep what it builds, keyed by its inputs (sharedCredentials(key, …)), or create it once.`);
    const entry = FACTORY_ENTRY;
    this.sites.push({
      rule: first.rule,
      messageId: lambdaClient ? 'clientDefaultChainInLambda' : 'factoryPerInvocation',
      node,
      entry,
      frequency,
      fix: plan,
      data: { name, api: first.api, where: first.where, context: frequency.context, cost: first.cost },
      ...(creations.some((creation) => creation.at) ? { definitions: creations.flatMap((creation) => (creation.at ? [creation.at] : [])) } : {}),
    });
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
    if (entry) return;
    if (this.visitMaybeStsMethod(call) || this.visitMaybeFrozenAwait(call) || this.visitMaybeEndpointFetch(call) || this.visitMaybeConfigCredentials(call)) return;
    this.visitProjectCall(call);
    this.visitPassedHandlers(call);
  }

  private visitProvider(call: TSESTree.CallExpression, entry: CatalogEntry): void {
    const name = entry.exportName!;
    const { parent, child } = outerParent(call);
    if (parent?.type === 'CallExpression' && parent.callee === child) {
      const outer = this.frequencies.of(parent);
      if (outer.kind === 'once' && outer.reason === REFRESHED_ON_EXPIRY) return;
      // Per invocation, `fromX()()` builds a fresh provider (an empty cache) and fetches every time.
      if (outer.kind === 'once' && this.frequencies.shortLived) return;
      // Returned from an export judged at its callers, `fromX()()` builds and resolves a provider per
      // call, and what the credentials are used for is the callers' business: they decide.
      if (outer.kind === 'once' && !(outer.exportedAs !== undefined && isReturned(parent))) return this.add(parent, entry, 'no-frozen-credentials', 'providerInvokedOnce', outer, name, this.unfreezePlan(parent, call));
    }
    if (entry.localOnly) return;
    // `fromIni({ profile, ignoreCache: true })`: the author asks for the shared files to be read again each time.
    if (asksNotToCache(call)) return;
    const frequency = this.judge(call, { rule: 'no-per-request-credential-provider', api: name, cost: costOf(entry.origin) });
    if (!frequency) return;
    const plan = planFor({ node: call, apiName: name, baseName: baseNameFor(name), wrap: true, keyable: true }, this.plan);
    this.add(call, entry, 'no-per-request-credential-provider', 'providerPerInvocation', frequency, name, plan);
  }

  private visitMskToken(call: TSESTree.CallExpression, entry: CatalogEntry): void {
    const frequency = this.judge(call, { rule: 'no-per-request-credential-provider', api: entry.exportName!, cost: costOf(entry.origin) });
    if (!frequency) return;
    this.add(call, entry, 'no-per-request-credential-provider', 'mskTokenPerInvocation', frequency, entry.exportName!, mskPlan(call, entry.exportName!, this.plan));
  }

  /** `sts.assumeRole(...)` on an SDK v2 STS client (or the v3 aggregated `STS` class). */
  private visitMaybeStsMethod(call: TSESTree.CallExpression): boolean {
    const callee = unwrap(call.callee);
    if (callee.type !== 'MemberExpression') return false;
    const method = staticPropertyName(callee);
    if (!method || !V2_STS_METHODS.has(method)) return false;
    const object = this.bindings.resolve(callee.object);
    const isSts = object
      ? object.via === 'new' && (isV2StsClass(object) || (object.module === '@aws-sdk/client-sts' && object.path[0] === 'STS'))
      : this.hasStsInputs(call); // an injected or untyped client: `this.sdk.sts.assumeRole({ RoleArn, … })`
    if (!isSts) return false;
    const frequency = this.judge(call, { rule: 'no-per-request-sts-call', api: `sts.${method}`, cost: costOf('sts') });
    if (frequency) {
      this.add(call, V2_STS_CALL, 'no-per-request-sts-call', 'credentialsCallPerInvocation', frequency, `sts.${method}`, v2StsCallPlan(call, this.plan));
    }
    return true;
  }

  /**
   * A hand-written fetch of a credential endpoint: `fetch(\`http://169.254.170.2${process.env.AWS_CONTAINER_CREDENTIALS_RELATIVE_URI}\`)`,
   * `axios.get(…/latest/meta-data/iam/security-credentials/…)`, recognised by what its first
   * argument names (a literal, a template, or a const bound to one).
   */
  private visitMaybeEndpointFetch(call: TSESTree.CallExpression): boolean {
    const [first] = call.arguments;
    if (!first || !HTTP_CALLEES.has(dottedName(call.callee)?.split('.').pop() ?? '')) return false;
    const text = this.argumentText(first);
    const endpoint = CREDENTIAL_ENDPOINTS.find((candidate) => text.includes(candidate.marker));
    if (!endpoint) return false;
    const frequency = this.judge(call, { rule: 'no-per-request-sts-call', api: endpoint.entry.exportName!, cost: costOf(endpoint.origin) });
    if (frequency) {
      const plan = manual('fetch the credentials through one shared provider instead: cacheCredentials(fromContainerMetadata()) / fromInstanceMetadata(), created once at module scope.');
      this.add(call, endpoint.entry, 'no-per-request-sts-call', 'credentialsCallPerInvocation', frequency, endpoint.entry.exportName!, plan);
    }
    return true;
  }

  /** The source text of an argument, looking through a `const` it names (one level). */
  private argumentText(node: TSESTree.Node): string {
    const expression = unwrap(node);
    if (expression.type === 'Identifier') {
      const variable = this.scopes.findVariable(expression);
      const declarator = variable?.defs.length === 1 && variable.defs[0]!.node.type === 'VariableDeclarator' ? variable.defs[0]!.node : undefined;
      if (declarator?.init) return this.input.text.slice(declarator.init.range[0], declarator.init.range[1]);
    }
    return this.input.text.slice(expression.range[0], expression.range[1]);
  }

  /** `new AWS.Config(…).getCredentials(…)` per invocation: a fresh configuration resolves credentials anew each time. */
  private visitMaybeConfigCredentials(call: TSESTree.CallExpression): boolean {
    const callee = unwrap(call.callee);
    if (callee.type !== 'MemberExpression' || staticPropertyName(callee) !== 'getCredentials') return false;
    const object = this.bindings.resolve(callee.object);
    if (object?.via !== 'new' || object.path.join('.') !== 'Config' || !V2_CONFIG_CREDENTIALS.modules.includes(object.module)) return false;
    const name = 'AWS.Config#getCredentials';
    const frequency = this.judge(call, { rule: 'no-per-request-credential-provider', api: name, cost: costOf('chain') });
    if (frequency) {
      const plan = manual('resolve credentials through one shared configuration (`AWS.config.getCredentials`) or one credentials object created once at module scope.');
      this.add(call, V2_CONFIG_CREDENTIALS, 'no-per-request-credential-provider', 'v2CredentialsPerInvocation', frequency, name, plan);
    }
    return true;
  }

  /** The call's input is an object (or a const bound to one) with inputs only STS takes (`RoleArn`, `RoleSessionName` …). */
  private hasStsInputs(call: TSESTree.CallExpression): boolean {
    const [first] = call.arguments;
    if (!first) return false;
    let input = unwrap(first);
    if (input.type === 'Identifier') input = this.constObject(input) ?? input;
    return input.type === 'ObjectExpression' && input.properties.some((property) => property.type === 'Property' && STS_INPUTS.has(staticPropertyName(property) ?? ''));
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
    if (frequency.kind !== 'once' || (frequency.exportedAs !== undefined && frequency.reason !== SET_UP_FUNCTION)) return false;
    // Awaited inside a provider its consumer calls again on expiry: resolved afresh each time.
    if (frequency.reason === REFRESHED_ON_EXPIRY) return true;
    if (this.frequencies.shortLived) return true; // a script or test ends before the credentials expire
    const plan = unfreezePlan(parent, this.input.text.slice(call.callee.range[0], call.callee.range[1]), this.scopes);
    this.add(call, entry, 'no-frozen-credentials', 'awaitedCredentialsFrozen', frequency, entry.exportName!, plan);
    return true;
  }

  private visitNew(node: TSESTree.NewExpression): void {
    const entry = this.entryOf(node);
    if (!entry) return this.visitProjectCall(node);
    if (entry.kind === 'credentials-command') return this.visitCommand(node, entry);
    if (entry.kind === 'v2-credentials') return this.visitV2Credentials(node, entry);
    if (entry.kind === 'client') return this.visitClient(node, entry);
  }

  private visitCommand(node: TSESTree.NewExpression, entry: CatalogEntry): void {
    const frequency = this.judge(node, { rule: 'no-per-request-sts-call', api: entry.exportName!, cost: costOf(entry.origin) });
    if (!frequency) return;
    const planned = assumeRolePlan(node, entry.exportName!, this.plan);
    const plan = 'plan' in planned ? planned.plan : manual(planned.reason);
    this.add(node, entry, 'no-per-request-sts-call', 'credentialsCallPerInvocation', frequency, entry.exportName!, plan);
  }

  private visitV2Credentials(node: TSESTree.NewExpression, entry: CatalogEntry): void {
    const { parent, child } = outerParent(node);
    if (parent?.type === 'AssignmentExpression' && parent.right === child && this.isGlobalCredentials(parent.left)) return; // reported as the assignment
    const frequency = this.judge(node, { rule: 'no-per-request-credential-provider', api: entry.exportName!, cost: costOf(entry.origin) });
    if (!frequency) return;
    const name = entry.exportName!;
    const plan = planFor({ node, apiName: name, baseName: baseNameFor(name), wrap: false, keyable: false }, this.plan);
    this.add(node, entry, 'no-per-request-credential-provider', 'v2CredentialsPerInvocation', frequency, name, plan);
  }

  private visitClient(node: TSESTree.NewExpression, entry: CatalogEntry): void {
    const callee = this.bindings.resolve(node.callee)!;
    // Used only for operations that are never signed: it fetches no credentials, per request or not.
    if (signsNothing(node, callee, this.bindings, this.scopes)) return;
    const name = callee.path[callee.path.length - 1] ?? entry.exportName ?? 'Client';
    const credentials = this.credentialsOf(node);
    if (credentials === 'opaque') return; // config the analysis cannot see: it may carry credentials
    if (!credentials) {
      if (entry.id === 'v3:SignatureV4') return; // it has no default chain: `credentials` is required
      const frequency = this.judge(node, { rule: 'no-per-request-client', api: name, cost: costOf(entry.origin), defaultChainClient: true });
      if (!frequency) return;
      const plan = planFor({ node, apiName: name, baseName: baseNameFor(name), wrap: false, keyable: false }, this.plan);
      const fixed = plan.kind === 'manual' ? sharedDefaultChainPlan(node, name, this.plan, this.availableModules, plan.reason) : plan;
      // In Lambda the default chain reads environment variables: the cost is set-up, not a fetch.
      const messageId = this.inLambda(frequency, node) ? 'clientDefaultChainInLambda' : 'clientDefaultChainPerInvocation';
      return this.add(node, entry, 'no-per-request-client', messageId, frequency, name, fixed);
    }
    const provider = this.uncachedModuleProvider(credentials);
    if (!provider) return;
    const [providerEntry, providerCall, isModuleLevel] = provider;
    const frequency = this.judge(node, { rule: 'no-per-request-client', api: name, cost: costOf(providerEntry.origin) });
    if (!frequency) return;
    const plan = isModuleLevel ? this.wrapDeclarationPlan(providerCall, providerEntry) : manual('the provider it is given is not created at module scope.');
    const data = { cost: costOf(providerEntry.origin) };
    this.add(node, entry, 'no-per-request-client', 'clientUncachedProviderPerInvocation', frequency, name, plan, { provider: providerEntry.exportName!, ...data });
  }

  /** The value of the client's `credentials`: undefined when its config sets none, 'opaque' when it cannot be seen. */
  private credentialsOf(node: TSESTree.NewExpression): ConfigCredentials {
    return credentialsOfConfig(node.arguments[0], this.scopes);
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
    const entry = this.entryOf(right) ?? V2_GLOBAL_CREDENTIALS;
    // `function initAWS() { AWS.config.credentials = new AWS.CognitoIdentityCredentials(…) }`, exported: its callers decide.
    const frequency = this.judge(assignment, { rule: 'no-per-request-credential-provider', api: entry.exportName ?? 'AWS.config.credentials', cost: costOf(entry.origin) });
    if (!frequency) return;
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
    const plan = guardedPlan(fix, {
      program: this.input.ast,
      scopes: this.scopes,
      ...(this.bundledApart ? { bundledApart: this.bundledApart } : {}),
      inLambdaHandler: () => exportsHandler(this.input.ast) || context.includes('Lambda handler') || this.frequencies.withinLambdaHandler(node),
    });
    this.sites.push({ rule, messageId, node, entry, frequency, fix: plan, data: { name, context, cost: costOf(entry.origin), ...extra }, ...(this.forCallersElsewhere.has(node) ? { forCallersElsewhere: true as const } : {}) });
  }
}

/** The file's role by its own shape; application code that only run-once code imports runs once too. */
function roleOf(input: AnalysisInput, project: ProjectLookup | undefined): FileRole {
  const role = fileRoleOf(input.projectPath ?? input.filename, input.ast, input.text);
  if (role !== 'app' || !project?.importedOnlyByRunOnce || !mayTakeImportersRole(input.ast, input.text)) return role;
  return project.importedOnlyByRunOnce(() => exportsReachingImports(input.ast)) ? 'script' : role;
}

function asksNotToCache(call: TSESTree.CallExpression): boolean {
  const [options] = call.arguments;
  return options?.type === 'ObjectExpression' && options.properties.some((property) => property.type === 'Property' && staticPropertyName(property) === 'ignoreCache' && property.value.type === 'Literal' && property.value.value === true);
}

/** `return await fromIni()()`, `() => fromIni()()`: the value leaves the function it is computed in. */
function isReturned(node: TSESTree.Node): boolean {
  const { parent, child } = outerParent(node.parent?.type === 'AwaitExpression' ? node.parent : node);
  return parent?.type === 'ReturnStatement' || (parent?.type === 'ArrowFunctionExpression' && parent.body === child);
}

/** What a factory call is reported for: an STS call outranks a provider, which outranks a client (one without `credentials` last). */
function costliest(creations: readonly Creation[]): Creation | undefined {
  const rank = (creation: Creation): number => (creation.rule === 'no-per-request-sts-call' ? 0 : creation.rule === 'no-per-request-credential-provider' ? 1 : creation.defaultChainClient ? 3 : 2);
  return [...creations].sort((a, b) => rank(a) - rank(b))[0];
}
