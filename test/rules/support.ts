// Shared set-up for the rule tests: RuleTester hooked into vitest, and `at()` to state where a
// report starts (line and column of a snippet in the code) without counting columns by hand.
import { RuleTester, type RunTests } from '@typescript-eslint/rule-tester';
import type { TSESLint } from '@typescript-eslint/utils';
import { afterAll, describe, it } from 'vitest';

RuleTester.afterAll = afterAll;
RuleTester.describe = describe;
RuleTester.it = it;
RuleTester.itOnly = it.only;

/** Hooked into vitest, for tests that need their own tester (typed linting). */
export { RuleTester };

/** A RuleTester with typescript-eslint's parser (the default) for .ts and .tsx files. */
const ruleTester = new RuleTester();

type TesterRule<MessageIds extends string, Options extends readonly unknown[]> = Parameters<typeof ruleTester.run<MessageIds, Options>>[1];

/**
 * `ruleTester.run`, typed against the rule's own `@typescript-eslint/utils` (the rule tester may
 * bring a nested copy whose scope-manager types are nominally different but identical at runtime).
 */
export function run<MessageIds extends string, Options extends readonly unknown[]>(
  name: string,
  rule: TSESLint.RuleModule<MessageIds, Options, unknown>,
  tests: RunTests<NoInfer<MessageIds>, NoInfer<Options>>,
): void {
  ruleTester.run(name, rule as unknown as TesterRule<MessageIds, Options>, tests);
}

/**
 * Line and column (1-based, ESLint's convention) where `snippet` starts in `code`: the `nth`
 * occurrence, 1 by default. Throws when the snippet is missing, so a typo fails loudly.
 */
export function at(code: string, snippet: string, nth = 1): { line: number; column: number } {
  let index = -1;
  for (let i = 0; i < nth; i++) {
    index = code.indexOf(snippet, index + 1);
    if (index === -1) throw new Error(`snippet ${JSON.stringify(snippet)} (occurrence ${nth}) not in test code`);
  }
  const before = code.slice(0, index);
  const line = before.split('\n').length;
  const column = index - before.lastIndexOf('\n');
  return { line, column };
}
