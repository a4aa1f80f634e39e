// The IAM Identity Center (SSO) portal's GetRoleCredentials (restJson: `GET /federation/credentials
// ?account_id=…&role_name=…` with an `x-amz-sso_bearer_token` header), as SDK v3 client-sso sends it.
import { errorReply } from './auth.js';
import { issue } from './credentials.js';
import type { FakeRequest, FakeState, Reply } from './state.js';

export const SSO_PATH = '/federation/credentials';

export function handleSso(state: FakeState, request: FakeRequest): Reply {
  state.calls.sso++;
  const account = request.url.searchParams.get('account_id') ?? '';
  const role = request.url.searchParams.get('role_name') ?? '';
  if (!request.headers['x-amz-sso_bearer_token']) return errorReply('json', 401, 'UnauthorizedException', 'Session token not found or invalid', 'sso');
  if (!/^\d{12}$/.test(account) || role === '') return errorReply('json', 400, 'InvalidRequestException', 'account_id and role_name are required', 'sso');
  const roleArn = `arn:aws:iam::${account}:role/${role}`;
  const credentials = issue(state.issued, { now: state.now(), lifetimeSeconds: state.lifetimeSeconds(), issuedBy: 'sso', roleArn, sessionName: 'fake-sso-user' });
  return {
    status: 200,
    endpoint: 'sso',
    headers: { 'content-type': 'application/json' },
    // SSO sends the expiration in epoch milliseconds.
    body: JSON.stringify({ roleCredentials: { accessKeyId: credentials.accessKeyId, secretAccessKey: credentials.secretAccessKey, sessionToken: credentials.sessionToken, expiration: credentials.expiresAt } }),
  };
}
