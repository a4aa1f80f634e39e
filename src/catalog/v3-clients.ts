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
export const NOT_CLIENTS: ReadonlySet<string> = new Set(['DynamoDBDocumentClient', 'SmithyClient', 'ServiceClient']);

/** Operations of one client that are never signed, and whether an operation it cannot see might be. */
export interface UnsignedOperations {
  /** Command names without `Command`, as in the service model. */
  readonly operations: ReadonlySet<string>;
  /**
   * When the code's use of the client is not fully visible (it is passed on, stored, returned):
   * true if it may well sign (most operations of the service do), false if it signs nothing anyway.
   */
  readonly unseenMaySign: boolean;
}

/**
 * Clients whose credential-related operations are `smithy.api#noAuth` in the service model (the
 * SDK resolves no credentials for them: a bearer token, a web identity token, a SAML assertion or
 * an identity id is the proof). A client used only for those never fetches credentials, so one per
 * request costs no credential fetch and `credentials` on it changes nothing: neither reported nor
 * rewritten. Any other operation sent on it, or a use the analysis cannot see where
 * `unseenMaySign`, makes it an ordinary client again.
 */
export const UNSIGNED_OPERATIONS: ReadonlyMap<string, UnsignedOperations> = new Map([
  // Every operation of SSO is noAuth (the SSO access token is the proof).
  ['SSOClient', { operations: new Set(['GetRoleCredentials', 'ListAccountRoles', 'ListAccounts', 'Logout']), unseenMaySign: false }],
  // CreateTokenWithIAM is the one SigV4-signed operation of SSO-OIDC.
  ['SSOOIDCClient', { operations: new Set(['CreateToken', 'RegisterClient', 'StartDeviceAuthorization']), unseenMaySign: false }],
  // GetOpenIdTokenForDeveloperIdentity, the pool and identity management operations are signed.
  ['CognitoIdentityClient', { operations: new Set(['GetId', 'GetCredentialsForIdentity', 'GetOpenIdToken', 'UnlinkIdentity']), unseenMaySign: true }],
  // Every other STS operation (AssumeRole, GetSessionToken, GetCallerIdentity …) is signed.
  ['STSClient', { operations: new Set(['AssumeRoleWithWebIdentity', 'AssumeRoleWithSAML']), unseenMaySign: true }],
]);
