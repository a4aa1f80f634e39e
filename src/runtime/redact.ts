// The one redactor: every message the runtime composes (its errors, event summaries, the v2
// adapter's errors) and what our objects show in `util.inspect` pass through here. The source's
// original error stays untouched as `cause`: the runtime never rewrites what it did not write.
import type { CacheStats } from './types.js';

const REDACTED = '[redacted]';

/**
 * Patterns, applied in order:
 * - `--client-secret=...`, `--client-secret ...`, `token: ...`, `"SecretAccessKey":"..."`, `password=...` (a process
 *   command line, a JSON body, a query string): the value after a secret-, token- or
 *   password-named argument or field (`credentials: ...` is left alone: it introduces prose);
 * - access key ids (AKIA/ASIA and the other IAM unique-id prefixes, 16 more characters): the
 *   prefix stays, so the kind of key is still visible;
 * - 40-character base64 runs (the shape of a secret access key) and any base64 run of 64 or more
 *   characters (session tokens, JWTs' parts, SAML assertions).
 */
const SECRET_ASSIGNMENT = /((?:^|[^A-Za-z0-9])[-\w.]*(?:secret|token|password|passwd)[-\w.]*["']?\s*[=:]\s*)(?:"[^"]*"|'[^']*'|[^\s,;&"'}\]]+)/gi;
/** `--client-secret hunter2`, `-p-token abc`: a command-line flag named for a secret, its value after a space. */
const SECRET_FLAG = /((?:^|\s)--?[-\w.]*(?:secret|token|password|passwd)[-\w.]*\s+)(?!-)(?:"[^"]*"|'[^']*'|\S+)/gi;
const ACCESS_KEY_ID = /\b((?:AKIA|ASIA|AIDA|AROA|AIPA|ANPA|ANVA|APKA|ABIA|ACCA|AGPA))[A-Z0-9]{16}\b/g;
const SECRET_SHAPED = /(?<![A-Za-z0-9/+=])(?:[A-Za-z0-9/+]{40}|[A-Za-z0-9/+=_-]{64,})(?![A-Za-z0-9/+=])/g;

/** `text` with anything secret-shaped replaced; never empty (an empty message explains nothing). */
export function redactSecrets(text: string): string {
  const redacted = text
    .replace(SECRET_ASSIGNMENT, `$1${REDACTED}`)
    .replace(SECRET_FLAG, `$1${REDACTED}`)
    .replace(ACCESS_KEY_ID, `$1${'*'.repeat(16)}`)
    .replace(SECRET_SHAPED, REDACTED);
  return redacted.trim() === '' ? '(no message)' : redacted;
}

export function redactedInspect(type: string, label: string, stats: CacheStats): string {
  const expiration = stats.expiration ? ` expiration=${stats.expiration.toISOString()}` : '';
  const key = stats.accessKeyId ? ` accessKeyId=${stats.accessKeyId}` : '';
  return `${type} { ${label} state=${stats.state}${key}${expiration} sourceCalls=${stats.sourceCalls} }`;
}
