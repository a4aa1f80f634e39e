// analyzeSource's parser set-up: JSX by extension, script vs module, parse errors that name the place.
import { describe, expect, it } from 'vitest';
import { analyzeSource, parseSource } from '../../src/analysis/index.js';
import { lines } from './support.js';

describe('parseSource / analyzeSource', () => {
  it.each([
    ['a.ts', 'const x = <string>y;'],
    ['a.tsx', 'const x = <div />;'],
    ['a.jsx', 'const x = <div />;'],
    ['a.js', 'const x = <div />;'],
    ['a.mjs', 'const x = <div />;'],
    ['a.cjs', 'const x = <div />;'],
  ])('parses %s', (file, code) => {
    expect(() => parseSource(code, file)).not.toThrow();
  });

  it.each(['a.ts', 'a.js', 'a.mjs'])('parses a byte-order mark before a #! line in %s, offsets unchanged', (file) => {
    const code = "\uFEFF#!/usr/bin/env node\nimport { fromIni } from '@aws-sdk/credential-providers';\nexport const handler = async () => fromIni();\n";
    const { sites } = analyzeSource(code, file);
    expect(sites).toHaveLength(1);
    expect(code.slice(sites[0]!.node.range[0], sites[0]!.node.range[1])).toBe('fromIni()');
  });

  it.each([
    ['a.cjs', 'const x = 1;', 'global'],
    ['a.js', "const AWS = require('aws-sdk');", 'global'],
    ['a.js', "import AWS from 'aws-sdk';", 'module'],
    ['a.ts', 'const x = 1;', 'module'],
    ['a.mjs', "const AWS = require('aws-sdk');", 'module'],
  ])('%s with `%s` declares top-level names in the %s scope', (file, code, scope) => {
    const { scopeManager } = parseSource(code, file);
    const scopes = scopeManager.scopes as readonly { type: string; variables: readonly { name: string }[] }[];
    const owner = scopes.find((s) => s.variables.some((v) => v.name === 'x' || v.name === 'AWS'));
    expect(owner?.type).toBe(scope);
  });

  it('sets parent pointers', () => {
    const { ast } = parseSource('f(1);', 'a.ts');
    const statement = ast.body[0]!;
    expect(statement.parent).toBe(ast);
  });

  it('names a parse error by file, line and column', () => {
    expect(() => analyzeSource(lines('const a = 1;', 'const = ;'), 'src/broken.ts')).toThrow(/^src\/broken\.ts:2:7 - cannot parse: /);
  });

  it('never throws on shapes it does not know', () => {
    const code = lines(
      "import * as cp from '@aws-sdk/credential-providers';",
      'export const handler = async () => [cp[Symbol.iterator](), new (cp.x ?? cp.y)(), (0, cp.fromIni)(), cp?.fromIni?.(), new cp.fromIni.bind(null)()];',
      'label: for (;;) { break label; }',
    );
    expect(() => analyzeSource(code, 'a.ts')).not.toThrow();
  });
});
