// findSites on the tree and scope manager ESLint builds for plain JavaScript (espree +
// eslint-scope), including CommonJS, where top-level names live in a function scope.
import * as espree from 'espree';
import * as eslintScope from 'eslint-scope';
import { describe, expect, it } from 'vitest';
import { findSites, type AnalysisInput } from '../../src/analysis/index.js';
import { applyEdits } from '../../src/analysis/fix-plan/apply.js';
import { lines } from './support.js';

function inputOf(text: string, sourceType: 'module' | 'commonjs'): AnalysisInput {
  const ast = espree.parse(text, { ecmaVersion: 'latest', sourceType, range: true, loc: true, comment: true, ecmaFeatures: { jsx: true } });
  const scopeManager = eslintScope.analyze(ast as never, { ecmaVersion: 2022, sourceType, nodejsScope: sourceType === 'commonjs' });
  return { ast, scopeManager, text } as unknown as AnalysisInput;
}

describe('espree + eslint-scope', () => {
  it('hoists a client in a CommonJS handler', () => {
    const text = lines("const { S3Client } = require('@aws-sdk/client-s3');", 'exports.handler = async () => new S3Client({});');
    const [site] = findSites(inputOf(text, 'commonjs'));
    expect(site?.messageId).toBe('clientDefaultChainInLambda');
    expect(site?.fix.kind === 'hoist' && applyEdits(text, site.fix.edits)).toBe(
      lines("const { S3Client } = require('@aws-sdk/client-s3');", 'const s3Client = new S3Client({});', '', 'exports.handler = async () => s3Client;'),
    );
  });

  it('keys a provider in an ES module route', () => {
    const text = lines("import { fromIni } from '@aws-sdk/credential-providers';", "app.get('/', (req) => fromIni({ profile: req.query.p }));");
    const [site] = findSites(inputOf(text, 'module'));
    expect(site?.frequency.kind === 'per-invocation' && site.frequency.context).toBe('route callback');
    expect(site?.fix.kind).toBe('keyed');
  });

  it('does not match a local look-alike', () => {
    const text = lines("require('@aws-sdk/client-s3');", 'function fromIni() {}', 'exports.handler = () => fromIni();');
    expect(findSites(inputOf(text, 'commonjs'))).toEqual([]);
  });
});
