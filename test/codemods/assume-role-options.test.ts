// The AssumeRole -> fromTemporaryCredentials parameter mapping of the sts-calls codemod.
import { parse, type TSESTree } from '@typescript-eslint/typescript-estree';
import { describe, expect, it } from 'vitest';
import { fromTemporaryCredentialsOptions } from '../../src/analysis/fix-plan/assume-role-options.js';

function objectOf(code: string): { node: TSESTree.ObjectExpression; text: string } {
  const text = `f(${code});`;
  const program = parse(text, { range: true });
  const call = (program.body[0] as TSESTree.ExpressionStatement).expression as TSESTree.CallExpression;
  return { node: call.arguments[0] as TSESTree.ObjectExpression, text };
}

describe('fromTemporaryCredentialsOptions', () => {
  it('maps every AssumeRole parameter into params and TokenCode into mfaCodeProvider', () => {
    const { node, text } = objectOf(
      "{ RoleArn: arn, RoleSessionName: 'mailer', ExternalId, DurationSeconds: 3600, Policy: policy, PolicyArns: [{ arn: 'x' }], Tags: [{ Key: 'k', Value: 'v' }], SerialNumber: 'mfa', TokenCode: code() }",
    );
    expect(fromTemporaryCredentialsOptions(node, text)).toEqual({
      text: "{ params: { RoleArn: arn, RoleSessionName: 'mailer', ExternalId, DurationSeconds: 3600, Policy: policy, PolicyArns: [{ arn: 'x' }], Tags: [{ Key: 'k', Value: 'v' }], SerialNumber: 'mfa' }, mfaCodeProvider: async () => code() }",
      params: ['RoleArn', 'RoleSessionName', 'ExternalId', 'DurationSeconds', 'Policy', 'PolicyArns', 'Tags', 'SerialNumber'],
    });
  });

  it('keeps spreads and quoted keys as written', () => {
    const { node, text } = objectOf("{ ...base, 'RoleSessionName': \"s\" }");
    expect(fromTemporaryCredentialsOptions(node, text)).toMatchObject({ text: "{ params: { ...base, 'RoleSessionName': \"s\" } }" });
  });

  it('leaves what it cannot map for a human', () => {
    for (const [code, reason] of [
      ['{ [key]: 1, RoleArn: a }', /computed/],
      ['{ RoleArn: a, Bogus: 1 }', /unknown AssumeRole parameter Bogus/],
      ["{ RoleSessionName: 's' }", /without RoleArn/],
      ['{ RoleArn: a, TokenCode: t }', /TokenCode without SerialNumber/],
    ] as const) {
      const { node, text } = objectOf(code);
      expect(fromTemporaryCredentialsOptions(node, text)).toEqual({ manual: expect.stringMatching(reason) });
    }
  });
});
