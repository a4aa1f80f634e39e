// Credential endpoints code may fetch by hand, recognised by what the request names: the ECS
// container endpoint (169.254.170.2, or whatever AWS_CONTAINER_CREDENTIALS_FULL_URI names), EKS Pod
// Identity (169.254.170.23) and the IMDS credential path. Fetched per request, each is one call to
// an endpoint that throttles (ECS: HTTP 429) or adds latency (IMDSv2: a token call first).
import type { CatalogEntry, CredentialOrigin } from './types.js';

export interface CredentialEndpoint {
  /** Text that, inside a call's first argument, names the endpoint. */
  readonly marker: string;
  readonly origin: CredentialOrigin;
  readonly entry: CatalogEntry;
}

function endpoint(marker: string, origin: CredentialOrigin, name: string): CredentialEndpoint {
  return { marker, origin, entry: { id: `endpoint:${name}`, sdk: 'v3', modules: [], exportName: name, kind: 'credentials-command', construct: 'call', selfCaching: false, origin } };
}

export const CREDENTIAL_ENDPOINTS: readonly CredentialEndpoint[] = [
  endpoint('169.254.170.23', 'container', 'EKS Pod Identity endpoint'),
  endpoint('169.254.170.2', 'container', 'ECS container credentials endpoint'),
  endpoint('AWS_CONTAINER_CREDENTIALS_FULL_URI', 'container', 'container credentials endpoint'),
  endpoint('AWS_CONTAINER_CREDENTIALS_RELATIVE_URI', 'container', 'ECS container credentials endpoint'),
  endpoint('/latest/meta-data/iam/security-credentials', 'imds', 'IMDS credentials path'),
];

/**
 * Text whose mention makes a file worth analysing even when it imports no AWS module: a credential
 * endpoint, or an STS input on an injected client (`this.sdk.sts.assumeRole({ RoleArn })`).
 */
export const ENDPOINT_MARKERS = ['169.254.170.', 'AWS_CONTAINER_CREDENTIALS_', 'security-credentials', 'RoleArn', 'RoleSessionName'] as const;
