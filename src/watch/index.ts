// eslint-plugin-aws-credentials/watch: counts the credential fetches of this process and reports
// the identities fetched more often than their lifetime allows. Loading this module starts it
// (`node --import eslint-plugin-aws-credentials/watch`, `node -r …`, NODE_OPTIONS), unless
// AWS_CREDENTIALS_WATCH=off. Zero dependencies.
import { startCredentialWatch } from './process-watch.js';

export { startCredentialWatch } from './process-watch.js';
export { createCredentialWatch, type CredentialWatch, type WatchOptions } from './watch.js';
export { formatTable } from './table.js';
export type { FetchKind, IdentityReport, WatchReport } from './types.js';

startCredentialWatch();
