// For every codemod fixture, the ESLint rules (the plugin's strict config, run by ESLint's own
// Linter) and the codemod plan the same edits: each suggestion, applied alone, gives exactly the
// text of that site's fix plan applied alone, and a finding without a suggestion is a manual plan.
// Both sides read the modules a fix may import from the nearest package.json: each fixture is
// copied into a project whose package.json lists this repository's dependencies (as the fixture
// spec passes them), so the AssumeRole rewrites that add @aws-sdk/credential-providers are compared too.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { Linter } from 'eslint';
import tsParser from '@typescript-eslint/parser';
import { afterAll, describe, expect, it } from 'vitest';
import plugin from '../../src/index.js';
import { applyEdits } from '../../src/analysis/fix-plan/apply.js';
import { analyze } from '../../src/rewrite/analyze.js';
import { projectModules } from '../../src/rewrite/project-modules.js';
import { TRANSFORM_RULES, type TransformName } from '../../src/rewrite/transforms.js';
import { fixtureCases, ROOT, type FixtureCase } from './fixture-cases.js';

const cases = fixtureCases().filter(fixture => !fixture.name.startsWith('unparsable'));
// The rules as the strict config sets them (the codemod fixtures rewrite every site of their rules).
const STRICT = Object.assign({}, ...(plugin.configs.strict as Linter.Config[]).map(config => config.rules ?? {})) as Record<string, Linter.RuleEntry>;
let compared = 0;
const project = mkdtempSync(join(tmpdir(), 'aws-credentials-suggestions-'));
const manifest = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as Record<string, unknown>;
writeFileSync(join(project, 'package.json'), JSON.stringify({ name: 'fixtures', private: true, dependencies: manifest.dependencies, devDependencies: manifest.devDependencies }));
afterAll(() => rmSync(project, { recursive: true, force: true }));

function lint(fixture: FixtureCase, text: string, filename: string): Linter.LintMessage[] {
  const rules = TRANSFORM_RULES[fixture.transform as TransformName];
  const module = /^\s*(?:import|export)\b/m.test(text) || /^(ts|tsx|mts|mjs)$/.test(fixture.extension);
  const config: Linter.Config[] = [
    {
      files: ['**/*.ts', '**/*.tsx', '**/*.mts', '**/*.js', '**/*.jsx', '**/*.mjs', '**/*.cjs'],
      plugins: { 'aws-credentials': plugin as unknown as NonNullable<Linter.Config['plugins']>[string] },
      languageOptions: { parser: tsParser as Linter.Parser, sourceType: module ? 'module' : 'commonjs', parserOptions: { ecmaFeatures: { jsx: fixture.extension.endsWith('x') } } },
      rules: Object.fromEntries(rules.map(rule => [`aws-credentials/${rule}`, STRICT[`aws-credentials/${rule}`] ?? 'error'])),
    },
  ];
  return new Linter({ configType: 'flat', cwd: project }).verify(text, config, { filename });
}

/** Offset of a message's 1-based line and column in `text`. */
function offsetOf(text: string, line: number, column: number): number {
  let offset = 0;
  for (let l = 1; l < line; l++) offset = text.indexOf('\n', offset) + 1;
  return offset + column - 1;
}

describe('ESLint suggestions are the codemod edits', () => {
  it('covers every fixture', () => expect(cases.length).toBeGreaterThanOrEqual(30));

  describe.each(cases.map(fixture => [fixture.id, fixture] as [string, FixtureCase]))('%s', (_id, fixture) => {
    it('each suggestion applies exactly the plan of its site', () => {
      const text = readFileSync(fixture.input, 'utf8');
      const file = join(project, `${fixture.id}.${fixture.extension}`);
      mkdirSync(dirname(file), { recursive: true });
      writeFileSync(file, text);
      const modules = projectModules(file);
      expect(modules).toContain('@aws-sdk/credential-providers');
      const { sites } = analyze(text, file, { availableModules: modules! });
      const messages = lint(fixture, text, file).filter(message => message.ruleId?.startsWith('aws-credentials/'));
      expect(messages.filter(message => message.fatal)).toEqual([]);
      for (const message of messages) {
        const start = offsetOf(text, message.line, message.column);
        const site = sites.find(candidate => `aws-credentials/${candidate.rule}` === message.ruleId && candidate.node.range[0] === start);
        expect(site, `a site for ${message.ruleId} at ${message.line}:${message.column}`).toBeDefined();
        const suggestions = message.suggestions ?? [];
        if (site!.fix.kind === 'manual') {
          expect(suggestions, `${message.line}:${message.column} is manual: ${site!.fix.reason}`).toEqual([]);
          continue;
        }
        expect(suggestions).toHaveLength(1);
        const fix = suggestions[0]!.fix;
        const suggested = text.slice(0, fix.range[0]) + fix.text + text.slice(fix.range[1]);
        expect(suggested).toBe(applyEdits(text, site!.fix.edits));
        compared += 1;
      }
    });
  });

  it('compared many suggestions (the fixtures are not all manual)', () => {
    expect(compared).toBeGreaterThanOrEqual(30);
  });
});
