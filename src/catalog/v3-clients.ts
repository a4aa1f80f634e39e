// SDK v3 service clients, and wrappers that resolve credentials inside. A client created per
// request fetches credentials per request: it wraps whatever it is given in a cache of its own.
import type { CatalogEntry } from './types.js';

export const V3_CLIENTS: readonly CatalogEntry[] = [
  { id: 'v3:*Client', sdk: 'v3', modules: ['@aws-sdk/client-*'], exportSuffix: 'Client', kind: 'client', construct: 'new', selfCaching: false, origin: 'chain' },
  { id: 'v3:Signer', sdk: 'v3', modules: ['@aws-sdk/rds-signer'], exportName: 'Signer', kind: 'client', construct: 'new', selfCaching: false, origin: 'chain' },
  { id: 'v3:SignatureV4', sdk: 'v3', modules: ['@smithy/signature-v4'], exportName: 'SignatureV4', kind: 'client', construct: 'new', selfCaching: false, origin: 'chain' },
];

/**
 * Exports of client packages that end in `Client` but build no credentials of their own.
 * `DynamoDBDocumentClient.from(client)` (@aws-sdk/lib-dynamodb) signs with the client it wraps:
 * only that inner `new DynamoDBClient(...)` is judged, and a document client built per request
 * around a shared DynamoDBClient costs nothing.
 */
export const NOT_CLIENTS: ReadonlySet<string> = new Set([
  'DynamoDBDocumentClient', 'SmithyClient', 'ServiceClient',
  // Every operation of these is `smithy.api#noAuth` (bearer tokens, no SigV4): they never resolve
  // credentials, so one per request fetches nothing and needs no `credentials`.
  'SSOOIDCClient', 'SSOClient',
]);
