// The rule factory: every rule gets a `meta.docs.url` pointing at its page in docs/rules/.
// Like typescript-eslint's RuleCreator, but the options merged with their defaults are computed
// once per distinct options value instead of deep-cloned for every linted file (a measurable part
// of the plugin's lint cost, bench/lint.bench.mjs).
import { ESLintUtils, type TSESLint } from '@typescript-eslint/utils';

/** What `meta.docs` carries besides `description` and `url`. */
export interface AwsCredentialsPluginDocs {
  /**
   * True: part of `configs.recommended`, the high-precision set fit for pull-request checks.
   * False: only in `configs.strict` (every rule).
   */
  readonly recommended: boolean;
}

const DOCS_BASE_URL = 'https://github.com/eslint-plugin-aws-credentials/eslint-plugin-aws-credentials/blob/main/docs/rules/';
/** Distinct option values kept per rule; a config rarely has more than a handful. */
const MAX_KEPT_OPTIONS = 64;

type RuleDefinition<Options extends readonly unknown[], MessageIds extends string> = Readonly<ESLintUtils.RuleWithMetaAndName<Options, MessageIds, AwsCredentialsPluginDocs>>;

export function createRule<Options extends readonly unknown[], MessageIds extends string>({ name, meta, defaultOptions, create }: RuleDefinition<Options, MessageIds>): TSESLint.RuleModule<MessageIds, Options, AwsCredentialsPluginDocs> & { name: string } {
  const defaults = (meta.defaultOptions ?? defaultOptions ?? []) as Options;
  const merged = new Map<string, Options>();
  const withDefaults = (options: Options): Options => {
    const key = options.length === 0 ? '' : JSON.stringify(options);
    let result = merged.get(key);
    if (!result) {
      result = ESLintUtils.applyDefault(defaults, options) as Options;
      if (merged.size >= MAX_KEPT_OPTIONS) merged.clear();
      merged.set(key, result);
    }
    return result;
  };
  return {
    name,
    meta: { ...meta, docs: { ...meta.docs, url: `${DOCS_BASE_URL}${name}.md` } },
    defaultOptions: defaults,
    create: (context) => create(context, withDefaults(context.options)),
  };
}
