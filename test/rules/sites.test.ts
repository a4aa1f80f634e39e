// The bridge between the analysis and ESLint: one analysis per file shared by all rules (keyed by
// the options that change it), and fix plans turned into suggestions safely.
import { Linter, type ESLint } from 'eslint';

type ESLintPlugin = ESLint.Plugin;
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { TSESLint } from '@typescript-eslint/utils';

const findSites = vi.fn((..._args: unknown[]): unknown[] => []);
// Every file counts as worth analysing here, so the count is of analyses, not of the pre-check.
vi.mock('../../src/analysis/index.js', () => ({ findSites: (...args: unknown[]) => findSites(...args), worthAnalysing: () => true }));

const { applicableEdits, suggestionsFor } = await import('../../src/rules-support/sites.js');
const { configs, default: plugin } = await import('../../src/index.js');

describe('applicableEdits', () => {
  const text = 'const a = 1;\nconst b = 2;\n';
  it('sorts edits and keeps insertions at the same offset', () => {
    const edits = applicableEdits(
      [
        { range: [13, 13], text: 'x' },
        { range: [0, 0], text: 'import a;\n' },
        { range: [0, 0], text: 'import b;\n' },
      ],
      text,
    );
    expect(edits?.map(edit => edit.range[0])).toEqual([0, 0, 13]);
  });
  it('rejects overlapping, reversed, out-of-range and no-op plans', () => {
    expect(applicableEdits([{ range: [0, 5], text: '' }, { range: [3, 8], text: '' }], text)).toBeUndefined();
    expect(applicableEdits([{ range: [5, 3], text: '' }], text)).toBeUndefined();
    expect(applicableEdits([{ range: [0, 999], text: '' }], text)).toBeUndefined();
    expect(applicableEdits([{ range: [0, 5], text: 'const' }], text)).toBeUndefined();
    expect(applicableEdits([], text)).toBeUndefined();
  });
});

describe('suggestionsFor', () => {
  const text = 'export const handler = async () => fromContainerMetadata();\n';
  const fixer = {
    replaceTextRange: (range: readonly [number, number], replacement: string) => ({ range, text: replacement }),
  } as unknown as TSESLint.RuleFixer;

  it('gives no suggestion for a manual plan', () => {
    expect(suggestionsFor({ kind: 'manual', reason: 'Date.now() in the session name' }, text)).toEqual([]);
  });

  it('applies every edit of a hoist plan in one suggestion', () => {
    const [suggestion, ...rest] = suggestionsFor(
      {
        kind: 'hoist',
        description: 'move `fromContainerMetadata()` to module scope wrapped in cacheCredentials()',
        edits: [
          { range: [35, 58], text: 'credentials' },
          { range: [0, 0], text: "import { cacheCredentials } from 'eslint-plugin-aws-credentials/runtime';\nconst credentials = cacheCredentials(fromContainerMetadata());\n" },
        ],
      },
      text,
    );
    expect(rest).toEqual([]);
    expect(suggestion?.messageId).toBe('suggestHoist');
    expect(suggestion?.data).toEqual({ description: 'move `fromContainerMetadata()` to module scope wrapped in cacheCredentials()' });
    const fixes = (suggestion!.fix as (f: TSESLint.RuleFixer) => TSESLint.RuleFix[])(fixer);
    expect(fixes.map(fix => fix.range)).toEqual([
      [0, 0],
      [35, 58],
    ]);
  });

  it('names the key inputs of a keyed plan', () => {
    const [suggestion] = suggestionsFor(
      { kind: 'keyed', description: 'share by role', edits: [{ range: [0, 6], text: 'const' }], keyInputs: ['event.roleArn', 'region'] },
      text,
    );
    expect(suggestion?.messageId).toBe('suggestKeyed');
    expect(suggestion?.data).toEqual({ description: 'share by role', keyInputs: '`event.roleArn`, `region`' });
  });
});

describe('one analysis per file', () => {
  beforeEach(() => findSites.mockClear());
  const linter = new Linter({ configType: 'flat' });

  it('runs findSites once for all four rules with the same options', () => {
    linter.verify('export const x = 1;', configs.strict as Linter.Config[], { filename: 'a.js' });
    expect(findSites).toHaveBeenCalledTimes(1);
    const [input, options] = findSites.mock.calls[0] as [{ text: string; filename: string; scopeManager: unknown; ast: unknown }, unknown];
    expect(input.text).toBe('export const x = 1;');
    expect(input.filename).toMatch(/a\.js$/);
    expect(input.scopeManager).toBeTruthy();
    expect(options).toEqual({});
  });

  it('runs it again per file, and per distinct memoizers / runtimeModule (order-insensitive)', () => {
    linter.verify('1;', configs.strict as Linter.Config[], { filename: 'a.js' });
    linter.verify('2;', configs.strict as Linter.Config[], { filename: 'b.js' });
    expect(findSites).toHaveBeenCalledTimes(2);
    findSites.mockClear();
    linter.verify('3;', [
      { plugins: { 'aws-credentials': plugin as unknown as ESLintPlugin } },
      {
        rules: {
          'aws-credentials/no-per-request-client': ['error', { memoizers: ['memoize', 'once'] }],
          'aws-credentials/no-per-request-sts-call': ['error', { memoizers: ['once', 'memoize'] }],
          'aws-credentials/no-frozen-credentials': ['error', { memoizers: ['once'], runtimeModule: '#aws' }],
          'aws-credentials/no-per-request-credential-provider': 'error',
        },
      },
    ], { filename: 'c.js' });
    expect(findSites).toHaveBeenCalledTimes(3);
    expect(findSites.mock.calls.map(call => call[1])).toEqual(
      expect.arrayContaining([{}, { memoizers: ['memoize', 'once'] }, { memoizers: ['once'], runtimeModule: '#aws' }]),
    );
  });
});
