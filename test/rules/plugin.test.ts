// The plugin object: meta, rule metadata against the analysis contract, configs derived from
// `meta.docs.recommended`, and the plugin loaded by real ESLint (flat config, Node API).
import { readFileSync } from 'node:fs';
import { ESLint, type Linter } from 'eslint';
import tseslint from 'typescript-eslint';
import { describe, expect, it } from 'vitest';
import plugin, { configRules, configs, JAVASCRIPT_FILES, meta, rules, TYPESCRIPT_FILES, type ConfigName } from '../../src/index.js';
import { MESSAGE_IDS, SUGGESTION_IDS, type RuleName } from '../../src/analysis/types.js';

const packageJson = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { name: string; version: string };
const ruleNames = Object.keys(MESSAGE_IDS) as RuleName[];

describe('plugin meta', () => {
  it('has the name and version of package.json', () => {
    expect(meta.name).toBe(packageJson.name);
    expect(meta.version).toBe(packageJson.version);
    expect(meta.namespace).toBe('aws-credentials');
    expect(plugin.meta).toBe(meta);
  });

  it('exports rules and configs as named exports too (CommonJS users, eslint-doc-generator)', () => {
    expect(plugin.rules).toBe(rules);
    expect(plugin.configs).toBe(configs);
  });
});

describe('rule metadata', () => {
  it('has exactly one rule per RuleName of the analysis contract', () => {
    expect(Object.keys(rules).sort()).toEqual([...ruleNames].sort());
  });

  for (const name of ruleNames) {
    const rule = rules[name];
    it(`${name}: declares the contract's messageIds and suggestion ids, a docs url, a described schema and ESLint 10 metadata`, () => {
      expect(rule.meta.type).toBe('problem');
      expect(rule.meta.hasSuggestions).toBe(true);
      expect(rule.meta.fixable).toBeUndefined();
      expect(rule.meta.docs?.url).toBe(`https://github.com/eslint-plugin-aws-credentials/eslint-plugin-aws-credentials/blob/main/docs/rules/${name}.md`);
      expect(rule.meta.docs?.description).toMatch(/^Disallow /);
      expect(typeof rule.meta.docs?.recommended).toBe('boolean');
      const messageIds = Object.keys(rule.meta.messages).sort();
      expect(messageIds).toEqual([...MESSAGE_IDS[name], ...SUGGESTION_IDS].sort());
      for (const id of MESSAGE_IDS[name]) {
        // Every report message says what it costs and where.
        expect(rule.meta.messages[id as keyof typeof rule.meta.messages]).toMatch(/\{\{name\}\}/);
      }
      const [schema] = rule.meta.schema as unknown as [{ additionalProperties: boolean; properties: Record<string, { description?: string }> }];
      expect(schema.additionalProperties).toBe(false);
      expect(Object.keys(schema.properties)).toContain('memoizers');
      for (const [property, definition] of Object.entries(schema.properties)) {
        expect(definition.description, property).toBeTruthy();
        // ESLint 10 convention: defaults live in meta.defaultOptions, not in the schema.
        expect(definition, property).not.toHaveProperty('default');
      }
      expect(rule.meta.defaultOptions).toHaveLength(1);
      expect(rule.meta.languages).toEqual(['js/js']);
      expect(rule.meta.docs?.dialects).toEqual(['javascript', 'typescript']);
    });
  }
});

describe('configs', () => {
  it('derives recommended from meta.docs.recommended and strict from every rule', () => {
    const recommended = ruleNames.filter(name => rules[name].meta.docs?.recommended);
    expect(Object.keys(configRules.recommended).sort()).toEqual(recommended.map(name => `aws-credentials/${name}`).sort());
    expect(Object.keys(configRules.strict).sort()).toEqual(ruleNames.map(name => `aws-credentials/${name}`).sort());
    for (const name of Object.keys(configRules) as ConfigName[]) {
      const config = configs[name];
      const [rulesBlock] = config;
      expect(rulesBlock!.name).toBe(`aws-credentials/${name}`);
      expect(rulesBlock!.plugins?.['aws-credentials']).toBe(plugin);
      expect(rulesBlock!.rules).toBe(configRules[name]);
      expect(Object.values(rulesBlock!.rules ?? {}).every(level => level === 'error' || (Array.isArray(level) && level[0] === 'error'))).toBe(true);
      // Only the first block turns rules on; the others only say how to parse.
      expect(config.slice(1).every(block => block.rules === undefined)).toBe(true);
    }
  });

  it('every config lints every JS and TS extension, and parses TypeScript with @typescript-eslint/parser', () => {
    for (const config of Object.values(configs)) {
      expect(config[0]!.files).toEqual([...JAVASCRIPT_FILES, ...TYPESCRIPT_FILES]);
      const typescript = config.find(block => block.languageOptions?.parser !== undefined);
      expect(typescript?.files).toEqual([...TYPESCRIPT_FILES]);
      expect((typescript?.languageOptions?.parser as { meta?: { name?: string } }).meta?.name).toBe('typescript-eslint/parser');
    }
  });

  it('recommended-type-checked (both spellings) is recommended with projectService on for TypeScript files only', () => {
    expect(configs.recommendedTypeChecked).toBe(configs['recommended-type-checked']);
    const [rulesBlock, ...rest] = configs.recommendedTypeChecked;
    expect(rulesBlock!.name).toBe('aws-credentials/recommended-type-checked');
    expect(rulesBlock!.rules).toBe(configRules.recommended);
    expect(rest.every(block => block.rules === undefined)).toBe(true);
    const typed = rest.filter(block => block.languageOptions?.parserOptions?.projectService !== undefined);
    expect(typed.map(block => [block.files, block.languageOptions?.parserOptions?.projectService])).toEqual([[[...TYPESCRIPT_FILES], true]]);
    expect(configs.recommended.some(block => block.languageOptions?.parserOptions?.projectService !== undefined)).toBe(false);
  });

  it('recommended has every rule with its defaults; strict also reports Lambda clients without credentials', () => {
    expect(configRules.recommended['aws-credentials/no-per-request-client']).toBe('error');
    expect(configRules.strict['aws-credentials/no-per-request-client']).toEqual(['error', { checkLambdaDefaultChain: true }]);
  });
});

describe('real ESLint 10, flat config, Node API', () => {
  const handler = (ext: string): string => `
import { fromTemporaryCredentials } from '@aws-sdk/credential-providers';
import { S3Client } from '@aws-sdk/client-s3';
export const handler = async (event${ext === 'js' ? '' : ': { roleArn: string }'}) => {
  const s3 = new S3Client({ credentials: fromTemporaryCredentials({ params: { RoleArn: event.roleArn } }) });
  return s3;
};
`;
  const component = `
import { useMemo } from 'react';
import { fromCognitoIdentityPool } from '@aws-sdk/credential-providers';
export function Upload({ poolId }: { poolId: string }) {
  const credentials = fromCognitoIdentityPool({ identityPoolId: poolId, clientConfig: { region: 'eu-west-1' } });
  const cached = useMemo(() => fromCognitoIdentityPool({ identityPoolId: poolId }), [poolId]);
  return <input type="file" data-credentials={String(Boolean(credentials && cached))} />;
}
`;
  const overrideConfig: Linter.Config[] = [
    { ...(tseslint.configs.base as Linter.Config), files: ['**/*.ts', '**/*.tsx'] },
    ...(configs.strict as Linter.Config[]),
  ];
  const eslint = new ESLint({ overrideConfigFile: true, overrideConfig });

  it.each([
    ['js', handler('js')],
    ['ts', handler('ts')],
  ])('lints a .%s handler', async (ext, code) => {
    const [result] = await eslint.lintText(code, { filePath: `src/handler.${ext}` });
    const ruleIds = result!.messages.map(message => message.ruleId);
    expect(result!.messages.filter(message => message.fatal)).toEqual([]);
    expect(ruleIds).toContain('aws-credentials/no-per-request-credential-provider');
    for (const message of result!.messages) {
      expect(message.line).toBe(5);
      expect(message.severity).toBe(2);
    }
  });

  it('lints a .tsx React component (render reported, useMemo not)', async () => {
    const [result] = await eslint.lintText(component, { filePath: 'src/Upload.tsx' });
    expect(result!.messages.filter(message => message.fatal)).toEqual([]);
    expect(result!.messages.map(message => [message.ruleId, message.line])).toEqual([['aws-credentials/no-per-request-credential-provider', 5]]);
  });

  it('reports nothing for module-scope instances', async () => {
    const code = `
import { fromTemporaryCredentials } from '@aws-sdk/credential-providers';
import { S3Client } from '@aws-sdk/client-s3';
const s3 = new S3Client({ credentials: fromTemporaryCredentials({ params: { RoleArn: process.env.ROLE_ARN } }) });
export const handler = async () => s3;
`;
    for (const ext of ['js', 'ts', 'tsx']) {
      const [result] = await eslint.lintText(code, { filePath: `src/ok.${ext}` });
      expect(result!.messages, ext).toEqual([]);
    }
  });

  it('applies suggestions through the Node API without touching the rest of the file', async () => {
    const [result] = await eslint.lintText(handler('ts'), { filePath: 'src/handler.ts' });
    for (const message of result!.messages) {
      for (const suggestion of message.suggestions ?? []) {
        expect(suggestion.fix.range[0]).toBeGreaterThanOrEqual(0);
        expect(suggestion.fix.range[1]).toBeLessThanOrEqual(handler('ts').length);
      }
    }
  });
});
