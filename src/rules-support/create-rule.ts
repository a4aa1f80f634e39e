// The rule factory: every rule gets a `meta.docs.url` pointing at its page in docs/rules/.
import { ESLintUtils } from '@typescript-eslint/utils';

/** What `meta.docs` carries besides `description` and `url`. */
export interface AwsCredentialsPluginDocs {
  /**
   * True: part of `configs.recommended`, the high-precision set fit for pull-request checks.
   * False: only in `configs.strict` (every rule).
   */
  readonly recommended: boolean;
}

const DOCS_BASE_URL = 'https://github.com/eslint-plugin-aws-credentials/eslint-plugin-aws-credentials/blob/main/docs/rules/';

export const createRule = ESLintUtils.RuleCreator<AwsCredentialsPluginDocs>(name => `${DOCS_BASE_URL}${name}.md`);
