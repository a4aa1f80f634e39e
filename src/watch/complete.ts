// Completes a recognised request from its query string and body: the STS action, the role it names,
// its duration, or the Cognito identity id. Returns undefined when the body shows it is no credential fetch.
import { jsonFields, queryFields } from './body-fields.js';
import { STS_CREDENTIAL_ACTIONS, type Classified } from './classify.js';
import type { CredentialRequest } from './types.js';

const IDENTIFYING_FIELDS: ReadonlySet<string> = new Set(['Action', 'RoleArn', 'DurationSeconds', 'Name', 'TargetPrincipal', 'IdentityId']);

export function complete(classified: Classified, body: string | undefined): CredentialRequest | undefined {
  const { request } = classified;
  if (classified.body === undefined && classified.query === undefined) return request;
  const fields = classified.query === undefined ? new Map<string, string>() : queryFields(classified.query, IDENTIFYING_FIELDS);
  if (body !== undefined && classified.body !== undefined) {
    const fromBody = classified.body === 'query' ? queryFields(body, IDENTIFYING_FIELDS) : jsonFields(body, IDENTIFYING_FIELDS);
    for (const [name, value] of fromBody) if (!fields.has(name)) fields.set(name, value);
  }
  const action = request.action ?? fields.get('Action');
  if (request.kind === 'cognito') return { ...request, identity: fields.get('IdentityId') ?? request.origin };
  if (action === undefined || !STS_CREDENTIAL_ACTIONS.has(action)) return undefined;
  const duration = Number(fields.get('DurationSeconds'));
  return { ...request, action, identity: stsIdentity(action, fields, request.origin), durationSeconds: duration > 0 ? duration : undefined };
}

function stsIdentity(action: string, fields: Map<string, string>, origin: string): string {
  const role = fields.get('RoleArn');
  if (role !== undefined) return role;
  if (action === 'GetFederationToken') return `federated-user/${fields.get('Name') ?? '?'}`;
  if (action === 'AssumeRoot') return `root/${fields.get('TargetPrincipal') ?? '?'}`;
  return `${action} ${origin}`;
}
