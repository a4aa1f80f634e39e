// The contract between the analysis and its two users, the ESLint rules and the codemods.
// The analysis knows nothing of ESLint's `context` or of jscodeshift: it takes an ESTree
// program (typescript-estree or espree shape, parent pointers set) plus its scope manager.
import type { TSESTree } from '@typescript-eslint/utils';
import type { CatalogEntry } from '../catalog/types.js';

/** The subset of eslint-scope / @typescript-eslint/scope-manager the analysis relies on. */
export interface ScopeManagerLike {
  readonly globalScope: unknown;
  acquire(node: unknown, inner?: boolean): unknown;
  readonly scopes: readonly unknown[];
}

export interface AnalysisInput {
  readonly ast: TSESTree.Program;
  readonly scopeManager: ScopeManagerLike;
  readonly text: string;
  readonly filename?: string;
  /**
   * The file's path inside its project (for the test and script conventions: `test/`, `scripts/`);
   * defaults to `filename`.
   */
  readonly projectPath?: string;
}

export interface AnalysisOptions {
  /**
   * Lines of this file where a factory builds what callers in other files run per invocation
   * (their findings' `definition`): `fix` plans these creations as per-invocation sites, so the
   * factory keeps what it builds. The rules never set it.
   */
  readonly definitionLines?: ReadonlySet<number>;
  /** Function names the team uses to memoize (e.g. `memoize`, `pMemoize`); their arguments run once. */
  readonly memoizers?: readonly string[];
  /** Module the fixes import the runtime from. */
  readonly runtimeModule?: string;
  /**
   * Modules the project can import (its dependencies), so a fix may add an import of them. Without
   * it, fixes import only the runtime and modules the file already imports.
   */
  readonly availableModules?: readonly string[];
  /** The file's package is deployed to Lambda (its clients without credentials are the strict-only shape). */
  readonly lambdaPackage?: boolean;
  /**
   * Set when the file is bundled apart from its package (a Lambda handler of a CDK app, or one
   * its tsconfig excludes): why a rewrite of a Lambda handler there is left for manual review.
   */
  readonly bundledApart?: string;
  /** Cross-file summaries; without it, imported functions are not followed. */
  readonly project?: ProjectLookup;
  /**
   * Typed linting only: the project declaration a call or `new` reaches as the type checker
   * resolves it (an injected function, a method of an instance whose type the syntax cannot see),
   * as its file and export path. Asked only when the syntax finds nothing; needs `project`.
   */
  readonly typedCallee?: (node: TSESTree.CallExpression | TSESTree.NewExpression) => TypedCallee | undefined;
}

/** A callee the type checker resolved: the absolute file that declares it and its export path there. */
export interface TypedCallee {
  readonly file: string;
  /** `getClient`, `default`, `StsService` (its constructor), `StsService.assume`. */
  readonly name: string;
}

/**
 * What one call of an export builds every time it runs, as a module summary records it: the API,
 * where it is built, and which rule reports a per-request call of the export.
 */
export interface Creation {
  readonly rule: RuleName;
  /** The API built (`fromTemporaryCredentials`, `S3Client`, `AssumeRoleCommand`). */
  readonly api: string;
  /** Where it is built, `path:line` as messages show it. */
  readonly where: string;
  readonly cost: string;
  /** A client without `credentials`: in Lambda only `strict` reports a per-invocation call. */
  readonly defaultChainClient?: boolean;
  /** The file (as the analysis was given it) and line where it is built: where `fix` rewrites it. */
  readonly at?: Definition;
}

/** Where a factory builds what its callers in other files run per invocation. */
export interface Definition {
  readonly file: string;
  readonly line: number;
}

/**
 * Cross-file knowledge for the file being analysed (src/project implements it): what calling an
 * export of a module it imports creates on every call. The analysis never reads files itself.
 */
export interface ProjectLookup {
  /** `name` is an export path: `getClient`, `default`, `Store` (its constructor), `Store.get`, `ns.f`. */
  creationsOf(specifier: string, name: string): readonly Creation[] | undefined;
  /** The same for a module already resolved to its absolute path (typed mode's callees). */
  creationsAt(file: string, name: string): readonly Creation[] | undefined;
  /** False when nothing the module exports creates anything: the cheap first question. */
  mayCreate(specifier: string): boolean;
  /** `path:line` of a node of the file being analysed, as `Creation.where` shows it. */
  whereIs(line: number): string;
  /**
   * True when only run-once code (scripts, CLIs, tests, tooling) imports the file being analysed;
   * importers that take none of the `reaching` exports (those that can run an import) do not count.
   */
  importedOnlyByRunOnce?(reaching?: () => ReadonlySet<string> | undefined): boolean;
  /** True when application code elsewhere in the repository imports the file and calls its export `name(…)`. */
  calledByImporters?(name: string): boolean;
}

export const DEFAULT_RUNTIME_MODULE = 'eslint-plugin-aws-credentials/runtime';

/** The rules, one per kind of finding. Each Site belongs to exactly one. */
export type RuleName =
  | 'no-per-request-credential-provider'
  | 'no-per-request-client'
  | 'no-per-request-sts-call'
  | 'no-frozen-credentials';

/** Why a node runs once per invocation rather than once per process. */
export interface PerInvocation {
  readonly kind: 'per-invocation';
  /**
   * Short label for messages: 'Lambda handler', 'route handler' (Next.js GET/POST...), 'route
   * callback', 'request handler', 'event handler', 'timer', 'callback', 'loop', 'React component
   * render', 'React render' (effects), 'class method', 'per-call factory', 'request-scoped
   * provider', 'constructor of a class created per <label>', 'function called from a <label>'.
   */
  readonly context: string;
  /** The node that makes it per invocation (the function, loop ...). */
  readonly because: TSESTree.Node;
}
export interface Once {
  readonly kind: 'once';
  readonly reason: string;
  /**
   * Set when it runs once per call of this export (`getClient` in `export function getClient()`):
   * the file's own callers decide nothing, the callers in other files do.
   */
  readonly exportedAs?: string;
  /** Every export whose calls run it (a helper that several exports call); `exportedAs` is the first. */
  readonly viaExports?: readonly string[];
}
export type Frequency = PerInvocation | Once;

export interface TextEdit {
  /** Offsets into `AnalysisInput.text`, end exclusive. */
  readonly range: readonly [number, number];
  readonly text: string;
  /** The runtime import; when several fixes are applied together their imports are merged into one. */
  readonly isImport?: boolean;
  /**
   * A hoisted `const name = value` this edit inserts: fixes applied together that hoist the same
   * value share one declaration (and one already in the file), under the first name.
   */
  readonly declares?: { readonly name: string; readonly value: string };
}

/** Names a fix needs imported (from the runtime, or an SDK module), so several fixes can share one import. */
export interface RuntimeImport {
  readonly module: string;
  readonly names: readonly string[];
}

export type FixPlan =
  /** Inputs are module-stable: move it to module scope, wrapped in the runtime. */
  | { readonly kind: 'hoist'; readonly description: string; readonly edits: readonly TextEdit[]; readonly imports?: readonly RuntimeImport[] }
  /** Inputs vary per invocation: a `sharedCredentials(key, factory)` whose key is exactly those inputs. */
  | { readonly kind: 'keyed'; readonly description: string; readonly edits: readonly TextEdit[]; readonly keyInputs: readonly string[]; readonly imports?: readonly RuntimeImport[] }
  /** No rewrite is provably safe. */
  | { readonly kind: 'manual'; readonly reason: string };

export interface Site {
  readonly rule: RuleName;
  /** A short id of what was found, used as the ESLint messageId. */
  readonly messageId: string;
  /** Values for the message placeholders (`{{name}}`, `{{context}}`, `{{cost}}`). */
  readonly data: Readonly<Record<string, string>>;
  /** The call or `new` expression (or assignment) that is reported. */
  readonly node: TSESTree.Node;
  readonly entry: CatalogEntry;
  readonly frequency: Frequency;
  readonly fix: FixPlan;
  /** A cross-file finding: where the factory builds what it reports (the fix goes there). */
  readonly definitions?: readonly Definition[];
  /** A creation inside a factory, reported only because `definitionLines` asked for its fix. */
  readonly forCallersElsewhere?: true;
}

/**
 * The messageIds each rule reports (Site.messageId) and the suggestion ids. Every Site fills
 * `data.name` (the API, e.g. `fromTemporaryCredentials`), `data.context` (the frequency label,
 * e.g. `Lambda handler`; for `once` sites the reason, e.g. `module scope`) and `data.cost` (what it
 * costs, e.g. `one AssumeRole call to STS`).
 *
 * - no-per-request-credential-provider
 *   - providerPerInvocation: a v3 provider created per invocation (self-caching ones too: a new
 *     instance has an empty cache; `fromEnv` is exempt, it only reads memory).
 *   - v2CredentialsPerInvocation: `new AWS.XCredentials(...)` per invocation.
 *   - mskTokenPerInvocation: `generateAuthToken*` per call (each builds a provider).
 * - no-per-request-client
 *   - clientDefaultChainPerInvocation: a v3 client (or rds Signer) per invocation without
 *     `credentials`: every client runs the default chain.
 *   - clientUncachedProviderPerInvocation: a v3 client per invocation given a module-scope provider
 *     that does not cache by itself (`fromTemporaryCredentials()` ...); also fills `data.provider`
 *     (the provider's export name) and `data.cost` is that provider's cost. Not reported when the
 *     provider is created per invocation too (that is the provider rule's site) or is self-caching
 *     or comes from the runtime.
 * - no-per-request-sts-call
 *   - credentialsCallPerInvocation: `new AssumeRoleCommand(...)` & co. (the `new`) or v2
 *     `sts.assumeRole(...)` (the call; `data.name` is `sts.assumeRole`) per invocation.
 * - no-frozen-credentials
 *   - providerInvokedOnce: `fromX()()` (the outer call): static credentials that never refresh.
 *   - awaitedCredentialsFrozen: `await provider()` outside a request (module scope, start-up).
 *   - globalCredentialsPerInvocation: `AWS.config.credentials = new ...` per invocation (the
 *     assignment): a process-wide global rebuilt, and raced, per request.
 */
export const MESSAGE_IDS = {
  'no-per-request-credential-provider': ['providerPerInvocation', 'v2CredentialsPerInvocation', 'mskTokenPerInvocation', 'factoryPerInvocation'],
  'no-per-request-client': ['clientDefaultChainPerInvocation', 'clientDefaultChainInLambda', 'clientUncachedProviderPerInvocation', 'factoryPerInvocation'],
  'no-per-request-sts-call': ['credentialsCallPerInvocation', 'factoryPerInvocation'],
  'no-frozen-credentials': ['providerInvokedOnce', 'awaitedCredentialsFrozen', 'globalCredentialsPerInvocation'],
} as const satisfies Record<RuleName, readonly string[]>;

export const SUGGESTION_IDS = ['suggestHoist', 'suggestKeyed'] as const;
