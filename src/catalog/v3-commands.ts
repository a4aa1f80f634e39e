// SDK v3 commands whose result is credentials: built per request, each is a call to STS, SSO or Cognito.
import type { CatalogEntry, CredentialOrigin } from './types.js';

function command(module: string, exportName: string, origin: CredentialOrigin): CatalogEntry {
  return { id: `v3:${exportName}`, sdk: 'v3', modules: [module], exportName, kind: 'credentials-command', construct: 'new', selfCaching: false, origin };
}

export const V3_COMMANDS: readonly CatalogEntry[] = [
  command('@aws-sdk/client-sts', 'AssumeRoleCommand', 'sts'),
  command('@aws-sdk/client-sts', 'AssumeRoleWithWebIdentityCommand', 'sts'),
  command('@aws-sdk/client-sts', 'AssumeRoleWithSAMLCommand', 'sts'),
  command('@aws-sdk/client-sts', 'GetSessionTokenCommand', 'sts'),
  command('@aws-sdk/client-sts', 'GetFederationTokenCommand', 'sts'),
  command('@aws-sdk/client-sso', 'GetRoleCredentialsCommand', 'sso'),
  command('@aws-sdk/client-cognito-identity', 'GetCredentialsForIdentityCommand', 'cognito'),
];
