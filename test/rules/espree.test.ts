// Plain JavaScript with ESLint's own parser (espree) and ESLint's own RuleTester: the rules do not
// depend on typescript-eslint's parser or scope manager.
import { RuleTester, type Rule } from 'eslint';
import { describe, it } from 'vitest';
import { rules } from '../../src/index.js';
import { at } from './support.js';

RuleTester.describe = describe;
RuleTester.it = it;
RuleTester.itOnly = it.only;

const esm = new RuleTester({ languageOptions: { ecmaVersion: 'latest', sourceType: 'module' } });
const cjs = new RuleTester({ languageOptions: { ecmaVersion: 'latest', sourceType: 'commonjs' } });
const asEslintRule = (rule: unknown): Rule.RuleModule => rule as Rule.RuleModule;

const providerEsm = `import { fromTemporaryCredentials } from '@aws-sdk/credential-providers';
export const handler = async (event) => {
  const credentials = fromTemporaryCredentials({ params: { RoleArn: event.roleArn } });
  return credentials;
};
`;

const clientCjs = `const { S3Client } = require('@aws-sdk/client-s3');
exports.handler = async () => {
  const s3 = new S3Client({});
  return s3;
};
`;

const stsCjs = `const AWS = require('aws-sdk');
const sts = new AWS.STS();
module.exports.handler = async (event) => sts.assumeRole({ RoleArn: event.roleArn, RoleSessionName: 'x' }).promise();
`;

const frozenEsm = `import { fromIni } from '@aws-sdk/credential-providers';
export const credentials = await fromIni({ profile: 'x' })();
`;

describe('espree', () => {
  esm.run('no-per-request-credential-provider (espree, ESM)', asEslintRule(rules['no-per-request-credential-provider']), {
    valid: [
      `import { fromTemporaryCredentials } from '@aws-sdk/credential-providers';
const credentials = fromTemporaryCredentials({ params: { RoleArn: process.env.ROLE_ARN } });
export const handler = async () => credentials;`,
    ],
    invalid: [
      {
        code: providerEsm,
        errors: [
          {
            messageId: 'providerPerInvocation',
            ...at(providerEsm, 'fromTemporaryCredentials({'),
            suggestions: [
              {
                messageId: 'suggestKeyed',
                output: `import { fromTemporaryCredentials } from '@aws-sdk/credential-providers';
import { sharedCredentials } from 'eslint-plugin-aws-credentials/runtime';
export const handler = async (event) => {
  const credentials = sharedCredentials({ source: 'fromTemporaryCredentials', RoleArn: event.roleArn }, () => fromTemporaryCredentials({ params: { RoleArn: event.roleArn } }));
  return credentials;
};
`,
              },
            ],
          },
        ],
      },
    ],
  });

  cjs.run('no-per-request-client (espree, CommonJS)', asEslintRule(rules['no-per-request-client']), {
    valid: [`const { S3Client } = require('@aws-sdk/client-s3');\nconst s3 = new S3Client({});\nexports.handler = async () => s3;`],
    invalid: [
      {
        code: clientCjs,
        options: [{ checkLambdaDefaultChain: true }],
        errors: [
          {
            messageId: 'clientDefaultChainInLambda',
            ...at(clientCjs, 'new S3Client('),
            suggestions: [
              {
                messageId: 'suggestHoist',
                output: `const { S3Client } = require('@aws-sdk/client-s3');
const s3Client = new S3Client({});

exports.handler = async () => {
  const s3 = s3Client;
  return s3;
};
`,
              },
            ],
          },
        ],
      },
    ],
  });

  cjs.run('no-per-request-sts-call (espree, CommonJS)', asEslintRule(rules['no-per-request-sts-call']), {
    valid: [],
    invalid: [
      {
        code: stsCjs,
        errors: [{ messageId: 'credentialsCallPerInvocation', ...at(stsCjs, 'sts.assumeRole('), suggestions: [] }],
      },
    ],
  });

  esm.run('no-frozen-credentials (espree, ESM)', asEslintRule(rules['no-frozen-credentials']), {
    valid: [],
    invalid: [
      {
        code: frozenEsm,
        errors: [{ messageId: 'providerInvokedOnce', ...at(frozenEsm, 'fromIni({'), suggestions: [] }],
      },
    ],
  });
});
