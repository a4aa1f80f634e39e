// aws-msk-iam-sasl-signer-js: these build a new credential provider on every call, so in a
// KafkaJS oauthBearerProvider they fetch on every connection and re-authentication.
import type { CatalogEntry, CredentialOrigin } from './types.js';

function token(exportName: string, origin: CredentialOrigin): CatalogEntry {
  return { id: `msk:${exportName}`, sdk: 'msk', modules: ['aws-msk-iam-sasl-signer-js'], exportName, kind: 'msk-token', construct: 'call', selfCaching: false, origin };
}

export const MSK_TOKENS: readonly CatalogEntry[] = [
  token('generateAuthToken', 'chain'),
  token('generateAuthTokenFromRole', 'sts'),
  token('generateAuthTokenFromProfile', 'ini'),
];
