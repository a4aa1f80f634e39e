// STS Query API (awsQuery: form-encoded POST with Action=…, as SDK v3 client-sts and v2 AWS.STS send it,
// or the parameters in the query string of a GET or POST, as hand-written code may send them), and the
// same operations in the JSON protocol (`X-Amz-Target: AWSSecurityTokenServiceV20110615.<Action>`).
import { checkSigningKey, errorReply, protocolOf, type Protocol } from './auth.js';
import { issue, parseRoleArn, roleId } from './credentials.js';
import { matchesRole } from './matcher.js';
import type { FakeRequest, FakeState, Reply } from './state.js';
import type { AssumeRoleRecord, IssuedCredentials } from './types.js';
import { isoSeconds, stsResponse } from './xml.js';

const DEFAULT_BASE_ARN = 'arn:aws:iam::111111111111:user/fake-base-user';
const ISSUING_ACTIONS = new Set(['AssumeRole', 'AssumeRoleWithWebIdentity', 'GetSessionToken']);

const NAMES_ACTION = /(?:^|&)Action=/;
const JSON_TARGET = 'AWSSecurityTokenServiceV20110615.';

/** A form POST with an Action, a query string with an Action, an STS X-Amz-Target, or anything signed for `sts`. */
export function isStsRequest(request: FakeRequest): boolean {
  const target = request.headers['x-amz-target'];
  if (target) return String(target).startsWith(JSON_TARGET);
  if (request.signing?.service === 'sts') return true;
  if ((request.method === 'GET' || request.method === 'POST') && NAMES_ACTION.test(request.url.search.slice(1))) return true;
  const type = String(request.headers['content-type'] ?? '');
  return request.method === 'POST' && type.includes('application/x-www-form-urlencoded') && NAMES_ACTION.test(request.body.toString('utf8'));
}

/** The query string's parameters, then the form body's for names the query string lacks. */
function paramsOf(request: FakeRequest): URLSearchParams {
  const params = new URLSearchParams(request.url.search);
  if (request.method !== 'POST') return params;
  for (const [name, value] of new URLSearchParams(request.body.toString('utf8'))) if (!params.has(name)) params.set(name, value);
  return params;
}

/** JSON protocol: the action from X-Amz-Target, the parameters from the body's top-level fields. */
function jsonParamsOf(request: FakeRequest): URLSearchParams {
  const params = new URLSearchParams({ Action: String(request.headers['x-amz-target']).slice(JSON_TARGET.length) });
  let body: unknown;
  try {
    body = JSON.parse(request.body.toString('utf8') || '{}');
  } catch {
    body = {};
  }
  for (const [name, value] of Object.entries(body as Record<string, unknown>)) if (typeof value === 'string' || typeof value === 'number') params.set(name, String(value));
  return params;
}

/** A success in the request's protocol; JSON timestamps are epoch seconds. */
function success(protocol: Protocol, action: string, result: Record<string, unknown>, endpoint: Reply['endpoint']): Reply {
  if (protocol !== 'json') return { status: 200, endpoint, headers: { 'content-type': 'text/xml' }, body: stsResponse(action, result) };
  const json = JSON.stringify(result, (name, value: unknown) => (name === 'Expiration' && typeof value === 'string' ? Date.parse(value) / 1000 : value));
  return { status: 200, endpoint, headers: { 'content-type': 'application/x-amz-json-1.0' }, body: json };
}

export function handleSts(state: FakeState, request: FakeRequest): Reply {
  const protocol = protocolOf(request);
  const params = protocol === 'json' ? jsonParamsOf(request) : paramsOf(request);
  const action = params.get('Action') ?? '';
  const endpoint: Reply['endpoint'] = action === 'GetCallerIdentity' ? 'getCallerIdentity' : 'assumeRole';
  if (ISSUING_ACTIONS.has(action)) state.calls.assumeRole++;
  else if (action === 'GetCallerIdentity') state.calls.getCallerIdentity++;
  const rejected = checkSigningKey(state, request, endpoint);
  if (action === 'GetCallerIdentity') return getCallerIdentity(state, request, protocol, rejected);
  if (ISSUING_ACTIONS.has(action)) return issueCredentials(state, request, protocol, action, params, rejected);
  return errorReply(protocol, 400, 'InvalidAction', `Could not find operation ${action || '(none)'} for version 2011-06-15`, endpoint);
}

function identityOf(state: FakeState, issued: IssuedCredentials | undefined) {
  if (!issued || (issued.issuedBy === 'sts' && issued.roleArn === baseArn(state))) {
    const arn = baseArn(state);
    return { Arn: arn, UserId: 'AIDAFAKEBASEUSER0000', Account: arn.split(':')[4] || '111111111111' };
  }
  const { account, name } = parseRoleArn(issued.roleArn);
  return { Arn: `arn:aws:sts::${account}:assumed-role/${name}/${issued.sessionName}`, UserId: `${roleId(issued.roleArn)}:${issued.sessionName}`, Account: account };
}

function baseArn(state: FakeState): string {
  return state.options.baseIdentityArn ?? DEFAULT_BASE_ARN;
}

function getCallerIdentity(state: FakeState, request: FakeRequest, protocol: Protocol, rejected: Reply | undefined): Reply {
  const accessKeyId = request.signing?.accessKeyId;
  const reply: Reply =
    rejected ??
    (accessKeyId === undefined
      ? errorReply(protocol, 403, 'MissingAuthenticationToken', 'Request is missing Authentication Token', 'getCallerIdentity')
      : success(protocol, 'GetCallerIdentity', identityOf(state, state.issued.get(accessKeyId)), 'getCallerIdentity'));
  state.serviceRequests.push({ at: state.now(), service: 'sts', operation: 'GetCallerIdentity', accessKeyId, status: reply.status });
  return reply;
}

function issueCredentials(state: FakeState, request: FakeRequest, protocol: Protocol, action: string, params: URLSearchParams, rejected: Reply | undefined): Reply {
  const now = state.now();
  const callerAccessKeyId = request.signing?.accessKeyId;
  const roleArn = action === 'GetSessionToken' ? baseArn(state) : (params.get('RoleArn') ?? '');
  const sessionName = params.get('RoleSessionName') ?? undefined;
  const externalId = params.get('ExternalId') ?? undefined;
  const duration = params.get('DurationSeconds');
  const durationSeconds = duration === null ? undefined : Number(duration);
  const stats = state.role(roleArn);
  stats.assumeRole++;
  stats.times.push(now);
  stats.sessionNames.push(sessionName);
  stats.externalIds.push(externalId);
  const record = (outcome: AssumeRoleRecord['outcome'], accessKeyId?: string): void => {
    state.assumeRoleRequests.push({ at: now, action, roleArn, sessionName, externalId, durationSeconds, callerAccessKeyId, outcome, ...(accessKeyId && { accessKeyId }) });
  };
  if (rejected) {
    record('expired-caller');
    return rejected;
  }
  if (action !== 'GetSessionToken' && (!roleArn || !sessionName)) {
    record('denied');
    return errorReply(protocol, 400, 'ValidationError', '1 validation error detected: RoleArn and RoleSessionName are required', 'assumeRole');
  }
  if (matchesRole(state.options.serverError, roleArn)) {
    stats.serverErrors++;
    record('server-error');
    const status = state.options.serverErrorStatus ?? 500;
    return errorReply(protocol, status, status === 503 ? 'ServiceUnavailable' : 'InternalFailure', 'The request processing has failed because of an unknown error, exception or failure.', 'assumeRole');
  }
  if (matchesRole(state.options.throttle, roleArn)) {
    stats.throttled++;
    record('throttled');
    return errorReply(protocol, 400, 'Throttling', 'Rate exceeded', 'assumeRole');
  }
  if (matchesRole(state.options.deny, roleArn)) {
    stats.denied++;
    record('denied');
    const caller = identityOf(state, callerAccessKeyId ? state.issued.get(callerAccessKeyId) : undefined).Arn;
    return errorReply(protocol, 403, 'AccessDenied', `User: ${caller} is not authorized to perform: sts:${action} on resource: ${roleArn}`, 'assumeRole');
  }
  const credentials = issue(state.issued, {
    now,
    lifetimeSeconds: state.lifetimeSeconds(durationSeconds),
    issuedBy: 'sts',
    roleArn,
    sessionName: sessionName ?? 'session-token',
  });
  stats.issued++;
  record('ok', credentials.accessKeyId);
  const wire = {
    AccessKeyId: credentials.accessKeyId,
    SecretAccessKey: credentials.secretAccessKey,
    SessionToken: credentials.sessionToken,
    Expiration: isoSeconds(credentials.expiresAt),
  };
  if (action === 'GetSessionToken') return success(protocol, action, { Credentials: wire }, 'assumeRole');
  const { account, name } = parseRoleArn(roleArn);
  const assumedRoleUser = { AssumedRoleId: `${roleId(roleArn)}:${sessionName}`, Arn: `arn:aws:sts::${account}:assumed-role/${name}/${sessionName}` };
  const result: Record<string, unknown> =
    action === 'AssumeRoleWithWebIdentity'
      ? { Credentials: wire, SubjectFromWebIdentityToken: 'fake-subject', AssumedRoleUser: assumedRoleUser, Provider: 'fake-idp', Audience: 'sts.amazonaws.com' }
      : { AssumedRoleUser: assumedRoleUser, Credentials: wire, PackedPolicySize: 6 };
  return success(protocol, action, result, 'assumeRole');
}
