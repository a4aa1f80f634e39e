// What a fetch per invocation costs, per credential origin, for the rule messages.
import type { CredentialOrigin } from '../catalog/index.js';

const COSTS: Record<CredentialOrigin, string> = {
  sts: 'one AssumeRole call to STS',
  container: 'one call to the ECS container credentials endpoint (rate-limited: HTTP 429 under load)',
  imds: 'one IMDS credentials fetch (three HTTP calls with IMDSv2)',
  sso: 'one SSO GetRoleCredentials call',
  cognito: 'Cognito GetId and GetCredentialsForIdentity calls',
  ini: 'a re-read of the shared config files (and an AssumeRole when the profile assumes a role)',
  env: 'a re-read of the environment',
  process: 'a run of the credential_process command',
  'web-identity': 'one AssumeRoleWithWebIdentity call to STS',
  http: 'one call to the credentials HTTP endpoint',
  chain: 'a run of the default credential chain (an ECS container endpoint or IMDS fetch)',
};

export function costOf(origin: CredentialOrigin | undefined): string {
  return COSTS[origin ?? 'chain'];
}
