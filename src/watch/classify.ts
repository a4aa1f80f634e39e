// Decides, from the request line and headers alone, whether a request fetches credentials, and
// what it names. Never reads Authorization, security-token or metadata-token headers.
import type { CredentialRequest } from './types.js';

/** The minimum an HTTP client exposes about a request before it is sent. */
export interface RequestLine {
  readonly method: string;
  /** `http://host:port` */
  readonly origin: string;
  /** Path with query string. */
  readonly path: string;
  header(name: string): string | undefined;
}

export interface Classified {
  readonly request: CredentialRequest;
  /** The request body must be read (Query or JSON protocol) to learn the action or identity. */
  readonly body: 'query' | 'json' | undefined;
  /** A Query-protocol query string (`Action=…&RoleArn=…`) to read the fields from, before the body. */
  readonly query?: string;
}

const IMDS_CREDENTIALS = '/latest/meta-data/iam/security-credentials/';
/** ECS task endpoint, EKS Pod Identity agent (IPv4 and IPv6). */
const CONTAINER_HOSTS = new Set(['169.254.170.2', '169.254.170.23', '[fd00:ec2::23]']);
const SSO_PATH = '/federation/credentials';
const STS_TARGET = 'AWSSecurityTokenServiceV20110615.';
const COGNITO_TARGET = 'AWSCognitoIdentityService.GetCredentialsForIdentity';
export const STS_CREDENTIAL_ACTIONS: ReadonlySet<string> = new Set([
  'AssumeRole',
  'AssumeRoleWithWebIdentity',
  'AssumeRoleWithSAML',
  'AssumeRoot',
  'GetSessionToken',
  'GetFederationToken',
]);

export function classify(line: RequestLine): Classified | undefined {
  const { method } = line;
  if (method === 'GET') return classifyGet(line);
  if (method !== 'POST') return undefined;
  const target = line.header('x-amz-target');
  if (target !== undefined) return classifyTarget(target, line.origin);
  const type = line.header('content-type');
  const form = type !== undefined && type.startsWith('application/x-www-form-urlencoded');
  const query = queryAction(line.path);
  if (query !== undefined) return { request: pending('sts', undefined, line.origin), body: form ? 'query' : undefined, query };
  if (form) return { request: pending('sts', undefined, line.origin), body: 'query' };
  return undefined;
}

/** The query string when it names an `Action` (the Query protocol sent as GET or in the URL of a POST). */
function queryAction(path: string): string | undefined {
  const query = path.indexOf('?');
  if (query === -1) return undefined;
  for (let action = path.indexOf('Action=', query + 1); action !== -1; action = path.indexOf('Action=', action + 1)) {
    if (action === query + 1 || path[action - 1] === '&') return path.slice(query + 1);
  }
  return undefined;
}

function classifyGet(line: RequestLine): Classified | undefined {
  const { path } = line;
  const query = path.indexOf('?');
  if (query !== -1) {
    if (!path.startsWith(SSO_PATH) || query !== SSO_PATH.length) {
      const fields = queryAction(path);
      return fields === undefined ? undefined : { request: pending('sts', undefined, line.origin), body: undefined, query: fields };
    }
    const params = new URLSearchParams(path.slice(query + 1));
    return known('sso', 'GetRoleCredentials', `${params.get('account_id') ?? '?'}/${params.get('role_name') ?? '?'}`, line.origin);
  }
  if (path.startsWith(IMDS_CREDENTIALS)) {
    if (path.length === IMDS_CREDENTIALS.length || path.endsWith('/')) return undefined;
    return known('imds', 'imds', line.origin + path, line.origin);
  }
  if (isContainerEndpoint(line.origin, path)) return known('container', 'container', line.origin + path, line.origin);
  return undefined;
}

function classifyTarget(target: string, origin: string): Classified | undefined {
  if (target.startsWith(STS_TARGET)) {
    const action = target.slice(STS_TARGET.length);
    return STS_CREDENTIAL_ACTIONS.has(action) ? { request: pending('sts', action, origin), body: 'json' } : undefined;
  }
  if (target === COGNITO_TARGET) return { request: pending('cognito', 'GetCredentialsForIdentity', origin), body: 'json' };
  return undefined;
}

/**
 * The well-known container hosts (where AWS_CONTAINER_CREDENTIALS_RELATIVE_URI points), or what
 * AWS_CONTAINER_CREDENTIALS_FULL_URI names, but only where the SDKs accept it: https anywhere,
 * http on loopback only.
 */
function isContainerEndpoint(origin: string, path: string): boolean {
  const start = origin.indexOf('//') + 2;
  const port = origin.lastIndexOf(':');
  const end = origin.endsWith(']') || port < start ? origin.length : port;
  const host = origin.slice(start, end);
  if (CONTAINER_HOSTS.has(host)) return true;
  if (!origin.startsWith('https:') && !host.startsWith('127.') && host !== 'localhost' && host !== '[::1]') return false;
  const full = containerFullUri();
  return full !== undefined && full.path === path && full.origin === origin;
}

/**
 * How long a read of AWS_CONTAINER_CREDENTIALS_FULL_URI is trusted. Reading process.env costs a
 * getenv and a string copy on every loopback or https GET; tests and apps may still set it after
 * start-up, so it is read again at most this often (and at every watch start).
 */
export const CONTAINER_URI_REFRESH_MS = 1_000;

interface ContainerUri {
  readonly origin: string;
  readonly path: string;
}

let fullUriText: string | undefined;
let fullUri: ContainerUri | undefined;
let fullUriReadAt = -Infinity;

/** AWS_CONTAINER_CREDENTIALS_FULL_URI, parsed, from a read at most CONTAINER_URI_REFRESH_MS old. */
function containerFullUri(): ContainerUri | undefined {
  const now = Date.now();
  // `now < fullUriReadAt`: the clock went back (a test's fake clock); read again.
  if (now - fullUriReadAt < CONTAINER_URI_REFRESH_MS && now >= fullUriReadAt) return fullUri;
  fullUriReadAt = now;
  const text = process.env.AWS_CONTAINER_CREDENTIALS_FULL_URI;
  if (text !== fullUriText) {
    fullUriText = text;
    fullUri = parseContainerUri(text);
  }
  return fullUri;
}

function parseContainerUri(text: string | undefined): ContainerUri | undefined {
  if (text === undefined) return undefined;
  try {
    const url = new URL(text);
    return { origin: url.origin, path: url.pathname };
  } catch {
    return undefined;
  }
}

/** The next request reads AWS_CONTAINER_CREDENTIALS_FULL_URI again (a watch starting). */
export function rereadContainerUri(): void {
  fullUriReadAt = -Infinity;
}

function pending(kind: CredentialRequest['kind'], action: string | undefined, origin: string): CredentialRequest {
  return { kind, action, identity: undefined, durationSeconds: undefined, origin };
}

function known(kind: CredentialRequest['kind'], action: string, identity: string, origin: string): Classified {
  return { request: { kind, action, identity, durationSeconds: undefined, origin }, body: undefined };
}
