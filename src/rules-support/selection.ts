// Which sites a rule reports under its options: one table, read by the rules (what ESLint and
// `aws-credentials scan` report) and by `aws-credentials fix` (what it rewrites), so both select
// exactly the same sites for the same config.
import type { RuleName, Site } from '../analysis/types.js';

/** Per rule: each `check*` option, its default, and the messageIds it turns on or off. */
const FACTORIES = {
  default: true,
  messageIds: ['factoryPerInvocation'],
  description: 'Report calls, made per request, of a function from another module that builds one on every call (`getClient()` in `src/aws.ts`).',
} as const;

const RULE_TOGGLES = {
  'no-per-request-credential-provider': {
    checkV2Credentials: { default: true, messageIds: ['v2CredentialsPerInvocation'], description: 'Report SDK v2 credentials classes (`new AWS.TemporaryCredentials()`, `new AWS.ECSCredentials()` …) created per request.' },
    checkMskTokens: { default: true, messageIds: ['mskTokenPerInvocation'], description: 'Report `aws-msk-iam-sasl-signer-js` `generateAuthToken*` calls, which build a credential provider on every call.' },
    checkFactories: FACTORIES,
  },
  'no-per-request-client': {
    checkDefaultChain: { default: true, messageIds: ['clientDefaultChainPerInvocation', 'clientDefaultChainInLambda'], description: 'Report SDK v3 clients created per request without `credentials` (each one runs the default credential chain).' },
    checkUncachedProvider: { default: true, messageIds: ['clientUncachedProviderPerInvocation'], description: 'Report SDK v3 clients created per request around a module-scope provider that does not cache by itself (`fromContainerMetadata`, `fromTemporaryCredentials` …).' },
    checkLambdaDefaultChain: { default: false, messageIds: ['clientDefaultChainInLambda'], description: 'Also report clients without `credentials` created per invocation of a Lambda handler (there the default chain reads environment variables: the cost is client set-up, not a fetch). On in `strict`.' },
    checkFactories: FACTORIES,
  },
  'no-per-request-sts-call': {
    checkFactories: FACTORIES,
  },
  'no-frozen-credentials': {
    checkAwaitedCredentials: { default: true, messageIds: ['awaitedCredentialsFrozen'], description: 'Report `await provider()` at module scope or in start-up code: credentials resolved once that never refresh.' },
    checkGlobalCredentials: { default: true, messageIds: ['globalCredentialsPerInvocation'], description: 'Report `AWS.config.credentials = new …` per request: a process-wide global rebuilt, and raced, per request.' },
  },
} as const satisfies Record<RuleName, Record<string, { default: boolean; messageIds: readonly string[]; description: string }>>;

/** JSON-schema properties of a rule's `check*` options. */
export function toggleSchema(rule: RuleName): Record<string, { type: 'boolean'; description: string }> {
  const toggles = RULE_TOGGLES[rule] as Record<string, { description: string }>;
  return Object.fromEntries(Object.entries(toggles).map(([name, toggle]) => [name, { type: 'boolean' as const, description: toggle.description }]));
}

export type ToggleOptions<Rule extends RuleName> = { [Option in keyof (typeof RULE_TOGGLES)[Rule]]?: boolean };

/** The `check*` defaults of a rule, for `defaultOptions`. */
export function toggleDefaults<Rule extends RuleName>(rule: Rule): Required<ToggleOptions<Rule>> {
  const toggles = RULE_TOGGLES[rule] as Record<string, { default: boolean }>;
  return Object.fromEntries(Object.entries(toggles).map(([name, toggle]) => [name, toggle.default])) as Required<ToggleOptions<Rule>>;
}

/** Rule options as ESLint hands them over (or a config holds them). */
export interface SelectionOptions {
  readonly ignore?: readonly string[];
}

/** Does `rule`, configured with `options`, report `site`? Every toggle that names its messageId must be on. */
export function isSelected(site: Site, rule: RuleName, options: SelectionOptions): boolean {
  if (site.rule !== rule) return false;
  if (options.ignore?.includes(site.data.name ?? '')) return false;
  const toggles = RULE_TOGGLES[rule] as Record<string, { default: boolean; messageIds: readonly string[] }>;
  for (const [name, toggle] of Object.entries(toggles)) {
    if (!toggle.messageIds.includes(site.messageId)) continue;
    const value = (options as Record<string, unknown>)[name];
    if (!(typeof value === 'boolean' ? value : toggle.default)) return false;
  }
  return true;
}

/** The rules a flat config turns on, with their options (the first options object of each). */
function enabledRules(rules: Readonly<Record<string, unknown>>, namespace: string): Map<RuleName, SelectionOptions> {
  const enabled = new Map<RuleName, SelectionOptions>();
  for (const [id, setting] of Object.entries(rules)) {
    if (!id.startsWith(`${namespace}/`)) continue;
    const [severity, options] = Array.isArray(setting) ? setting : [setting];
    if (severity === 'off' || severity === 0) continue;
    enabled.set(id.slice(namespace.length + 1) as RuleName, (options ?? {}) as SelectionOptions);
  }
  return enabled;
}

/** A predicate for the sites a whole config reports. */
export function selectorFor(rules: Readonly<Record<string, unknown>>, namespace: string): (site: Site) => boolean {
  const enabled = enabledRules(rules, namespace);
  return (site) => {
    const options = enabled.get(site.rule);
    return options !== undefined && isSelected(site, site.rule, options);
  };
}
