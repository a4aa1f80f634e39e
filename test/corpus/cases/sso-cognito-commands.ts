/* eslint-disable */
// @ts-nocheck
// Credential-vending calls to SSO and Cognito made per request.
import { SSOClient, GetRoleCredentialsCommand } from '@aws-sdk/client-sso';
import { CognitoIdentityClient, GetCredentialsForIdentityCommand, GetIdCommand } from '@aws-sdk/client-cognito-identity';
import { STSClient, AssumeRoleWithWebIdentityCommand, GetFederationTokenCommand } from '@aws-sdk/client-sts';

const sso = new SSOClient({ region: 'eu-west-1' }); // ok: module scope
const cognito = new CognitoIdentityClient({ region: 'eu-west-1' }); // ok: module scope
const sts = new STSClient({}); // ok: module scope

export async function roleCredentials(accessToken: string, accountId: string) {
  return sso.send(new GetRoleCredentialsCommand({ accessToken, accountId, roleName: 'dev' })); // ok: exported with no caller here: judged where it is called
}

export async function guestCredentials(identityPoolId: string) {
  const { IdentityId } = await cognito.send(new GetIdCommand({ IdentityPoolId: identityPoolId })); // ok: GetId is not a credential source
  return cognito.send(new GetCredentialsForIdentityCommand({ IdentityId })); // ok: exported with no caller here: judged where it is called
}

export const federated = async (req) => {
  const web = await sts.send(new AssumeRoleWithWebIdentityCommand({ RoleArn: req.roleArn, RoleSessionName: 'web', WebIdentityToken: req.token })); // expect: no-per-request-sts-call
  const fed = await sts.send(new GetFederationTokenCommand({ Name: req.user })); // expect: no-per-request-sts-call
  return [web, fed];
};
