import rule from '../../rules/no-per-request-sts-call.js';
import { at, run } from './support.js';

const STS = "import { STSClient, AssumeRoleCommand, GetCallerIdentityCommand, GetSessionTokenCommand } from '@aws-sdk/client-sts';\nconst sts = new STSClient({});\n";

const handler = `${STS}
export const handler = async (event) => {
  const { Credentials } = await sts.send(new AssumeRoleCommand({ RoleArn: event.roleArn, RoleSessionName: 'handler' }));
  return Credentials;
};
`;

const route = `${STS}import express from 'express';
const app = express();
app.post('/session', async (req, res) => {
  res.json(await sts.send(new GetSessionTokenCommand({ SerialNumber: req.body.mfa, TokenCode: req.body.code })));
});
`;

const namespaceImport = `import * as sts from '@aws-sdk/client-sts';
const client = new sts.STSClient({});
export async function assume(roleArn) {
  return client.send(new sts.AssumeRoleCommand({ RoleArn: roleArn, RoleSessionName: 'x' }));
}
export const handler = async (event) => assume(event.roleArn);
`;

const v2ClientsSts = `import STS from 'aws-sdk/clients/sts';
const sts = new STS();
export const handler = async (event) => {
  const data = await sts.assumeRole({ RoleArn: event.roleArn, RoleSessionName: 'x' }).promise();
  return data.Credentials;
};
`;

const v2Loop = `const AWS = require('aws-sdk');
async function scan(accounts) {
  for (const account of accounts) {
    await new AWS.STS().assumeRole({ RoleArn: \`arn:aws:iam::\${account}:role/audit\`, RoleSessionName: 'scan' }).promise();
  }
}
module.exports = { scan };
`;

const sso = `import { SSOClient, GetRoleCredentialsCommand } from '@aws-sdk/client-sso';
const sso = new SSOClient({});
export async function roleCredentials(accessToken, accountId) {
  return sso.send(new GetRoleCredentialsCommand({ accessToken, accountId, roleName: 'dev' }));
}
export const handler = async (event) => roleCredentials(event.token, event.accountId);
`;

const cognito = `import { CognitoIdentityClient, GetCredentialsForIdentityCommand } from '@aws-sdk/client-cognito-identity';
const cognito = new CognitoIdentityClient({});
export const handler = async (event) => cognito.send(new GetCredentialsForIdentityCommand({ IdentityId: event.identityId }));
`;

run('no-per-request-sts-call', rule, {
  valid: [
    {
      name: 'top-level await, once per process',
      code: `${STS}const session = await sts.send(new AssumeRoleCommand({ RoleArn: process.env.ROLE_ARN, RoleSessionName: 'boot' }));
export default session;`,
    },
    {
      name: 'main() called once',
      code: `${STS}async function main() {
  await sts.send(new AssumeRoleCommand({ RoleArn: process.argv[2], RoleSessionName: 'cli' }));
}
main();`,
    },
    {
      name: 'GetCallerIdentity is not a credential source',
      code: `${STS}export const handler = async () => sts.send(new GetCallerIdentityCommand({}));`,
    },
    {
      name: 'configured memoizer',
      options: [{ memoizers: ['memoize'] }],
      code: `${STS}import memoize from 'lodash.memoize';
export const assume = memoize((roleArn) => sts.send(new AssumeRoleCommand({ RoleArn: roleArn, RoleSessionName: 'x' })));`,
    },
    {
      name: 'a local class named AssumeRoleCommand',
      code: `class AssumeRoleCommand { constructor(input) { this.input = input; } }
export const handler = async (event) => new AssumeRoleCommand(event);`,
    },
    {
      name: 'ignore by API name',
      options: [{ ignore: ['GetSessionTokenCommand'] }],
      code: route,
    },
  ],
  invalid: [
    {
      name: 'AssumeRoleCommand in a Lambda handler',
      code: handler,
      errors: [{ messageId: 'credentialsCallPerInvocation', ...at(handler, 'new AssumeRoleCommand('), suggestions: [] }],
    },
    {
      name: 'GetSessionTokenCommand in a route',
      code: route,
      errors: [{ messageId: 'credentialsCallPerInvocation', ...at(route, 'new GetSessionTokenCommand('), suggestions: [] }],
    },
    {
      name: 'namespace import',
      code: namespaceImport,
      errors: [{ messageId: 'credentialsCallPerInvocation', ...at(namespaceImport, 'new sts.AssumeRoleCommand('), suggestions: [] }],
    },
    {
      name: 'SDK v2 aws-sdk/clients/sts assumeRole in a handler',
      code: v2ClientsSts,
      errors: [{ messageId: 'credentialsCallPerInvocation', ...at(v2ClientsSts, 'sts.assumeRole('), suggestions: [] }],
    },
    {
      name: 'SDK v2 AWS.STS#assumeRole in a loop',
      code: v2Loop,
      errors: [{ messageId: 'credentialsCallPerInvocation', ...at(v2Loop, 'new AWS.STS().assumeRole('), suggestions: [] }],
    },
    {
      name: 'SSO GetRoleCredentials per call',
      code: sso,
      errors: [{ messageId: 'credentialsCallPerInvocation', ...at(sso, 'new GetRoleCredentialsCommand('), suggestions: [] }],
    },
    {
      name: 'Cognito GetCredentialsForIdentity per event',
      code: cognito,
      errors: [{ messageId: 'credentialsCallPerInvocation', ...at(cognito, 'new GetCredentialsForIdentityCommand('), suggestions: [] }],
    },
  ],
});
