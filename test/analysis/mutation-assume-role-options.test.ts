// fromTemporaryCredentialsOptions on its own (the analysis' sites reject spreads and functions for
// stability first, so through analyzeSource these branches never decide): spreads may carry
// RoleArn and SerialNumber, getters, methods and computed or numeric keys stay manual, each with
// its reason.
import { parse, type TSESTree } from '@typescript-eslint/typescript-estree';
import { describe, expect, it } from 'vitest';
import { fromTemporaryCredentialsOptions } from '../../src/analysis/fix-plan/assume-role-options.js';

function optionsOf(code: string) {
  const text = `f(${code});`;
  const program = parse(text, { range: true });
  const call = (program.body[0] as TSESTree.ExpressionStatement).expression as TSESTree.CallExpression;
  return fromTemporaryCredentialsOptions(call.arguments[0] as TSESTree.ObjectExpression, text);
}

describe('fromTemporaryCredentialsOptions', () => {
  it('a spread may carry RoleArn, and SerialNumber for a TokenCode', () => {
    expect(optionsOf('{ ...base }')).toEqual({ text: '{ params: { ...base } }', params: ['...base'] });
    expect(optionsOf("{ ...base, RoleSessionName: 's' }")).toEqual({ text: "{ params: { ...base, RoleSessionName: 's' } }", params: ['...base', 'RoleSessionName'] });
    expect(optionsOf("{ RoleSessionName: 's', ...base, TokenCode: code }")).toEqual({
      text: "{ params: { RoleSessionName: 's', ...base }, mfaCodeProvider: async () => code }",
      params: ['RoleSessionName', '...base'],
    });
  });

  it('shorthand and quoted parameters with a TokenCode are listed as written', () => {
    expect(optionsOf("{ RoleArn, 'SerialNumber': serial, TokenCode }")).toEqual({
      text: "{ params: { RoleArn, 'SerialNumber': serial }, mfaCodeProvider: async () => TokenCode }",
      params: ['RoleArn', 'SerialNumber'],
    });
  });

  it('without TokenCode the input object is kept as written', () => {
    expect(optionsOf("{\n  RoleArn: arn, // why\n  RoleSessionName: 's',\n}")).toEqual({ text: "{ params: {\n  RoleArn: arn, // why\n  RoleSessionName: 's',\n} }", params: ['RoleArn', 'RoleSessionName'] });
  });

  it.each([
    ["{ RoleArn: a, get RoleSessionName() { return 's'; } }", 'AssumeRole parameter RoleSessionName is computed or a method'],
    ['{ RoleArn: a, ExternalId() { return 1; } }', 'AssumeRole parameter ExternalId is computed or a method'],
    ['{ RoleArn: a, [name]: 1 }', 'AssumeRole parameter name is computed or a method'],
    ["{ RoleArn: a, ['Policy']: 1 }", "AssumeRole parameter 'Policy' is computed or a method"],
    ['{ RoleArn: a, 1: 1 }', 'AssumeRole parameter 1 is computed or a method'],
    ['{ RoleArn: a, Bogus: 1 }', 'unknown AssumeRole parameter Bogus'],
    ["{ RoleSessionName: 's' }", 'AssumeRole without RoleArn'],
    ['{ RoleArn: a, TokenCode: t }', 'TokenCode without SerialNumber'],
  ])('%s', (code, manual) => {
    expect(optionsOf(code)).toEqual({ manual });
  });
});
