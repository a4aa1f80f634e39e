import { CognitoIdentityClient, GetCredentialsForIdentityCommand, GetIdCommand } from '@aws-sdk/client-cognito-identity';
import { AssumeRoleWithWebIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import { CreateTokenCommand, SSOOIDCClient } from '@aws-sdk/client-sso-oidc';
import { GetRoleCredentialsCommand, SSOClient } from '@aws-sdk/client-sso';

// Every client here is used only for operations that are never signed (smithy.api#noAuth):
// none resolves credentials, so none is hoisted or given `credentials`.
export const handler = async (event: { pool: string; token: string; accessToken: string }) => {
  const cognito = new CognitoIdentityClient({ region: 'eu-west-1' });
  const { IdentityId } = await cognito.send(new GetIdCommand({ IdentityPoolId: event.pool }));
  const identity = await cognito.send(new GetCredentialsForIdentityCommand({ IdentityId }));
  const sts = new STSClient({});
  const web = await sts.send(new AssumeRoleWithWebIdentityCommand({ RoleArn: 'arn:aws:iam::1:role/web', RoleSessionName: 'web', WebIdentityToken: event.token }));
  const token = await new SSOOIDCClient({}).send(new CreateTokenCommand({ clientId: 'c', clientSecret: 's', grantType: 'refresh_token' }));
  const role = await new SSOClient({}).send(new GetRoleCredentialsCommand({ accessToken: event.accessToken, accountId: '1', roleName: 'r' }));
  return [identity, web, token, role];
};
