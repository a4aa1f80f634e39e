// One analysis per file, shared by every rule, and the bridge from a Site's FixPlan to ESLint
// suggestions. The analysis itself (src/analysis) knows nothing about ESLint.
import type { JSONSchema, TSESLint, TSESTree } from '@typescript-eslint/utils';
import { findSites, worthAnalysing } from '../analysis/index.js';
import { isAbsolute } from 'node:path';
import { type AnalysisOptions, DEFAULT_RUNTIME_MODULE, type FixPlan, type ProjectLookup, type RuleName, type Site, type TextEdit } from '../analysis/types.js';
import { bundledApartReason, isLambdaPackage, lookupFor, projectPathOf } from '../project/index.js';
import { fixableModules } from '../rewrite/project-modules.js';
import { isSelected, type SelectionOptions } from './selection.js';
import { typedCalleeFor } from './typed-callee.js';

/** Options every rule accepts, because they change what the analysis finds or the fixes it plans. */
export interface AnalysisRuleOptions {
  /** Function names whose arguments run once (`memoize`, `pMemoize`, `lodash.once` ...). */
  memoizers?: string[];
  /** Module the suggested fixes import `cacheCredentials`/`sharedCredentials` from. */
  runtimeModule?: string;
  /** API names (`fromIni`, `S3Client`, ...) this rule never reports. */
  ignore?: string[];
  /** Follow imported functions into the project's other modules (default true). */
  crossFile?: boolean;
}

export type SuggestionMessageId = 'suggestHoist' | 'suggestKeyed';

export const SUGGESTION_MESSAGES: Record<SuggestionMessageId, string> = {
  suggestHoist: 'Create it once at module scope: {{description}}',
  suggestKeyed: 'Share one auto-refreshing instance per {{keyInputs}}: {{description}}',
};

/** JSON-schema properties for `AnalysisRuleOptions`, spread into each rule's schema. */
export const analysisOptionsSchema = {
  memoizers: {
    type: 'array',
    items: { type: 'string', minLength: 1 },
    uniqueItems: true,
    description:
      "Names of your team's memoizing functions (e.g. `memoize`, `pMemoize`, `once`, or a dotted `_.memoize`). Code passed to them runs once, so it is not reported.",
  },
  runtimeModule: {
    type: 'string',
    minLength: 1,
    description:
      'Module the suggestions import `cacheCredentials` / `sharedCredentials` from. Defaults to `eslint-plugin-aws-credentials/runtime`; set it to a vendored copy (e.g. `#lib/aws-credentials`).',
  },
  crossFile: {
    type: 'boolean',
    description:
      "Follow calls of the project's own imported functions and classes into their modules (relative imports, tsconfig `paths`, workspace packages), to report a per-request call of a factory that builds a provider or client on every call. With `eslint --cache`, a change to such a module does not re-lint the files that import it.",
  },
  ignore: {
    type: 'array',
    items: { type: 'string', minLength: 1 },
    uniqueItems: true,
    description: 'API names this rule never reports, e.g. `["fromEnv"]` or `["S3Client"]`.',
  },
} satisfies Record<keyof AnalysisRuleOptions, JSONSchema.JSONSchema4>;

type AnyContext = Readonly<TSESLint.RuleContext<string, readonly unknown[]>>;

const cache = new WeakMap<TSESTree.Program, Map<string, readonly Site[]>>();

function analysisOptionsOf(options: AnalysisRuleOptions, filename: string, sourceCode: AnyContext['sourceCode']): AnalysisOptions {
  const result: { memoizers?: string[]; runtimeModule?: string; project?: ProjectLookup; typedCallee?: AnalysisOptions['typedCallee'] } = {};
  if (options.memoizers && options.memoizers.length > 0) result.memoizers = [...new Set(options.memoizers)].sort();
  if (options.runtimeModule) result.runtimeModule = options.runtimeModule;
  if (options.crossFile !== false && isAbsolute(filename)) {
    result.project = lookupFor(filename);
    // Typed linting on: the checker resolves callees the syntax cannot (README, "Type-aware mode").
    const typedCallee = typedCalleeFor(sourceCode);
    if (typedCallee) result.typedCallee = typedCallee;
  }
  return result;
}

/** What only the planning of fixes needs (the package's modules, Lambda and bundling facts): read once the file is worth analysing. */
function planningOptionsOf(options: AnalysisRuleOptions, filename: string, base: AnalysisOptions): AnalysisOptions {
  const result: { -readonly [K in keyof AnalysisOptions]: AnalysisOptions[K] } = { ...base };
  if (isAbsolute(filename) && isLambdaPackage(filename)) result.lambdaPackage = true;
  const bundledApart = isAbsolute(filename) ? bundledApartReason(filename, options.runtimeModule ?? DEFAULT_RUNTIME_MODULE) : undefined;
  if (bundledApart) result.bundledApart = bundledApart;
  // The modules a suggestion may import: the same list `fix` plans with (the file's package
  // dependencies, and @aws-sdk/credential-providers where fix adds it), so both make the same edits.
  const modules = isAbsolute(filename) ? fixableModules(filename) : undefined;
  if (modules) result.availableModules = modules;
  return result;
}

/**
 * The Sites of the file being linted, computed once per (file, analysis options) and shared by
 * all rules: rules configured with the same `memoizers`/`runtimeModule` reuse one analysis.
 */
function getSites(context: AnyContext, options: AnalysisRuleOptions): readonly Site[] {
  const { sourceCode } = context;
  const ast = sourceCode.ast;
  // Only these options change the analysis; the rest (toggles, `ignore`) filter its sites per rule.
  const key = JSON.stringify([[...new Set(options.memoizers ?? [])].sort(), options.runtimeModule ?? '', options.crossFile ?? true]);
  let perFile = cache.get(ast);
  if (!perFile) {
    perFile = new Map();
    cache.set(ast, perFile);
  }
  let sites = perFile.get(key);
  if (!sites) {
    const input = { ast, scopeManager: sourceCode.scopeManager!, text: sourceCode.text, filename: context.filename, projectPath: isAbsolute(context.filename) ? projectPathOf(context.filename) : context.filename };
    const base = analysisOptionsOf(options, context.filename, sourceCode);
    // Most files mention no AWS module: they skip the package lookups fix planning needs.
    sites = worthAnalysing(input, base) ? findSites(input, planningOptionsOf(options, context.filename, base)) : [];
    perFile.set(key, sites);
  }
  return sites;
}

/**
 * The plan's edits, sorted, if they can be applied to `text` as one suggestion: inside the text,
 * not overlapping, and changing something. A malformed plan yields no suggestion rather than a
 * crash or a corrupted file.
 */
export function applicableEdits(edits: readonly TextEdit[], text: string): TextEdit[] | undefined {
  const sorted = [...edits].sort((a, b) => a.range[0] - b.range[0] || a.range[1] - b.range[1]);
  let previousEnd = 0;
  let changes = false;
  for (const edit of sorted) {
    const [start, end] = edit.range;
    if (!Number.isInteger(start) || !Number.isInteger(end) || start < previousEnd || end < start || end > text.length) return undefined;
    // Two insertions at the same offset are fine (start === previousEnd); overlapping replacements are not.
    if (text.slice(start, end) !== edit.text) changes = true;
    previousEnd = end;
  }
  return changes ? sorted : undefined;
}

/** ESLint suggestions for a fix plan: one suggestion applying all of the plan's edits, or none. */
export function suggestionsFor(
  fix: FixPlan,
  text: string,
): TSESLint.SuggestionReportDescriptor<SuggestionMessageId>[] {
  if (fix.kind === 'manual') return [];
  const edits = applicableEdits(fix.edits, text);
  if (!edits) return [];
  const apply = (fixer: TSESLint.RuleFixer): TSESLint.RuleFix[] =>
    edits.map(edit => fixer.replaceTextRange([edit.range[0], edit.range[1]], edit.text));
  if (fix.kind === 'hoist') {
    return [{ messageId: 'suggestHoist', data: { description: fix.description }, fix: apply }];
  }
  const keyInputs = fix.keyInputs.length > 0 ? fix.keyInputs.map(input => `\`${input}\``).join(', ') : 'key';
  return [{ messageId: 'suggestKeyed', data: { description: fix.description, keyInputs }, fix: apply }];
}

/** The message data of a site, with every placeholder the messages use filled. */
function dataOf(site: Site): Record<string, string> {
  return { name: '', context: '', cost: '', ...site.data };
}

/**
 * The body of every rule's `create`: report this rule's sites that its options select
 * (selection.ts: ignored names and `check*` toggles). Analysis runs in `Program`, once per file.
 */
export function reportSites<MessageIds extends string>(
  context: Readonly<TSESLint.RuleContext<MessageIds | SuggestionMessageId, readonly unknown[]>>,
  rule: RuleName,
  options: AnalysisRuleOptions & SelectionOptions,
): TSESLint.RuleListener {
  return {
    Program(): void {
      const { text } = context.sourceCode;
      for (const site of getSites(context as AnyContext, options)) {
        if (!isSelected(site, rule, options)) continue;
        context.report({
          node: site.node,
          messageId: site.messageId as MessageIds,
          data: dataOf(site),
          suggest: suggestionsFor(site.fix, text),
        });
      }
    },
  };
}
