// The labelled corpus: realistic application code where every line the rules should report ends
// in `// expect: <rule>[, <rule>]` and every known-clean site in `// ok: <reason>`. Runs the strict
// config (every rule) through ESLint's Node API and measures, per labelled site:
//   recall  = expected findings found / expected findings
//   FP rate = findings on lines not expecting that rule / labelled sites
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ESLint, type Linter } from 'eslint';
import tsParser from '@typescript-eslint/parser';
import { describe, expect, it } from 'vitest';
import plugin, { configRules } from '../../src/index.js';

const CASES = fileURLToPath(new URL('./cases/', import.meta.url));
const MEMOIZERS = ['memoize', 'pMemoize', 'once'];
const PREFIX = 'aws-credentials/';

interface Label {
  readonly file: string;
  readonly line: number;
  readonly expect: readonly string[];
  readonly ok?: string;
}

function labelsOf(file: string, text: string): Label[] {
  const labels: Label[] = [];
  text.split('\n').forEach((source, index) => {
    const expectMatch = /\/\/\s*expect:\s*([a-z-]+(?:\s*,\s*[a-z-]+)*)\s*$/.exec(source);
    const okMatch = /\/\/\s*ok:\s*(.+)$/.exec(source);
    if (expectMatch) labels.push({ file, line: index + 1, expect: expectMatch[1]!.split(',').map(rule => rule.trim()) });
    else if (okMatch) labels.push({ file, line: index + 1, expect: [], ok: okMatch[1]!.trim() });
  });
  return labels;
}

const strictWithMemoizers: Linter.Config = {
  plugins: { 'aws-credentials': plugin as unknown as NonNullable<Linter.Config['plugins']>[string] },
  rules: Object.fromEntries(Object.keys(configRules.strict).map(id => [id, ['error', { memoizers: MEMOIZERS }]])),
};

const overrideConfig: Linter.Config[] = [
  { files: ['**/*.js', '**/*.mjs'], languageOptions: { sourceType: 'module' } },
  { files: ['**/*.cjs'], languageOptions: { sourceType: 'commonjs' } },
  { files: ['**/*.ts', '**/*.tsx'], languageOptions: { parser: tsParser as Linter.Parser } },
  strictWithMemoizers,
  // The cases carry `/* eslint-disable */` for the project's own lint; ignore it here.
  { linterOptions: { noInlineConfig: true, reportUnusedDisableDirectives: 'off' } },
];

describe('labelled corpus', () => {
  it('finds >= 90 % of the expected sites with <= 10 % false positives', async () => {
    const files = readdirSync(CASES).filter(name => /\.(?:[cm]?js|tsx?)$/.test(name)).sort();
    expect(files.length).toBeGreaterThanOrEqual(30);
    const eslint = new ESLint({ cwd: CASES, overrideConfigFile: true, overrideConfig, ignore: false });
    const results = await eslint.lintFiles(files.map(file => join(CASES, file)));

    let expected = 0;
    let found = 0;
    let falsePositives = 0;
    let labelled = 0;
    let expectedSites = 0;
    const missed: string[] = [];
    const unexpected: string[] = [];
    const fatal: string[] = [];
    for (const result of results) {
      const file = result.filePath.slice(CASES.length);
      const labels = labelsOf(file, readFileSync(result.filePath, 'utf8'));
      labelled += labels.length;
      expectedSites += labels.filter(label => label.expect.length > 0).length;
      const findings = new Map<number, Set<string>>();
      for (const message of result.messages) {
        if (message.fatal) {
          fatal.push(`${file}:${message.line}: ${message.message}`);
          continue;
        }
        const rule = message.ruleId?.startsWith(PREFIX) ? message.ruleId.slice(PREFIX.length) : undefined;
        if (!rule) continue;
        const onLine = findings.get(message.line) ?? new Set<string>();
        onLine.add(rule);
        findings.set(message.line, onLine);
      }
      const expectedOnLine = new Map(labels.map(label => [label.line, new Set(label.expect)]));
      for (const label of labels) {
        for (const rule of label.expect) {
          expected++;
          if (findings.get(label.line)?.has(rule)) found++;
          else missed.push(`${file}:${label.line} ${rule}`);
        }
      }
      for (const [line, rules] of findings) {
        for (const rule of rules) {
          if (expectedOnLine.get(line)?.has(rule)) continue;
          falsePositives++;
          const label = labels.find(candidate => candidate.line === line);
          unexpected.push(`${file}:${line} ${rule}${label?.ok ? ` (labelled ok: ${label.ok})` : label ? '' : ' (unlabelled line)'}`);
        }
      }
    }
    const recall = expected === 0 ? 1 : found / expected;
    const fpRate = labelled === 0 ? 0 : falsePositives / labelled;
    console.log(
      [
        `corpus: ${files.length} files, ${labelled} labelled sites (${expectedSites} expecting a finding, ${labelled - expectedSites} ok)`,
        `recall ${(recall * 100).toFixed(1)} % (${found}/${expected}), false-positive rate ${(fpRate * 100).toFixed(1)} % (${falsePositives}/${labelled})`,
        ...(missed.length ? ['missed:', ...missed.map(line => `  ${line}`)] : []),
        ...(unexpected.length ? ['unexpected:', ...unexpected.map(line => `  ${line}`)] : []),
      ].join('\n'),
    );
    expect(fatal).toEqual([]);
    expect(labelled).toBeGreaterThanOrEqual(150);
    expect(recall).toBeGreaterThanOrEqual(0.9);
    expect(fpRate).toBeLessThanOrEqual(0.1);
  });
});
