// IMDSv2 (AWS_EC2_METADATA_SERVICE_ENDPOINT): a session token, then the role name and its credentials.
import { randomUUID } from 'node:crypto';
import { issue, parseRoleArn } from './credentials.js';
import type { FakeRequest, FakeState, Reply } from './state.js';
import { isoSeconds } from './xml.js';

export const DEFAULT_INSTANCE_ROLE = 'arn:aws:iam::111111111111:role/fake-instance-role';
const CREDENTIALS_PATH = '/latest/meta-data/iam/security-credentials/';
const tokens = new WeakMap<FakeState, Set<string>>();

function text(status: number, body: string, contentType = 'text/plain'): Reply {
  return { status, endpoint: 'imds', headers: { 'content-type': contentType }, body };
}

export function handleImds(state: FakeState, request: FakeRequest): Reply {
  state.calls.imdsRequests++;
  const path = request.url.pathname;
  let issuedTokens = tokens.get(state);
  if (!issuedTokens) tokens.set(state, (issuedTokens = new Set()));
  if (path === '/latest/api/token') {
    if (request.method !== 'PUT') return text(405, 'Method Not Allowed');
    if (!request.headers['x-aws-ec2-metadata-token-ttl-seconds']) return text(400, 'Missing x-aws-ec2-metadata-token-ttl-seconds');
    state.calls.imdsToken++;
    const token = `fake-imds-token-${randomUUID()}`;
    issuedTokens.add(token);
    return text(200, token);
  }
  // IMDSv2 only: every GET carries a token we issued.
  const token = request.headers['x-aws-ec2-metadata-token'];
  if (typeof token !== 'string' || !issuedTokens.has(token)) return text(401, 'Unauthorized');
  const roleArn = state.options.instanceRoleArn ?? DEFAULT_INSTANCE_ROLE;
  const roleName = parseRoleArn(roleArn).name;
  if (path === CREDENTIALS_PATH) return text(200, roleName);
  if (path === `${CREDENTIALS_PATH}${roleName}`) {
    state.calls.imds++;
    const now = state.now();
    const credentials = issue(state.issued, { now, lifetimeSeconds: state.lifetimeSeconds(), issuedBy: 'imds', roleArn, sessionName: 'i-0fake0000000000000' });
    return text(
      200,
      JSON.stringify({
        Code: 'Success',
        LastUpdated: isoSeconds(now),
        Type: 'AWS-HMAC',
        AccessKeyId: credentials.accessKeyId,
        SecretAccessKey: credentials.secretAccessKey,
        Token: credentials.sessionToken,
        Expiration: isoSeconds(credentials.expiresAt),
      }),
      'application/json',
    );
  }
  return text(404, 'Not Found');
}
