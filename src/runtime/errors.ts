// Which source failures are worth retrying, and the errors the runtime raises. Messages name the
// source and the cause's name and message; they never contain credentials.

const NON_RECOVERABLE = new Set([
  'AccessDenied',
  'InvalidIdentityToken',
  'IDPRejectedClaim',
  'MalformedPolicyDocument',
  'PackedPolicyTooLarge',
  'RegionDisabled',
  'ExpiredToken', // an expired web identity token or MFA session: retrying the same input cannot succeed
].flatMap((code) => [code, `${code}Exception`]));

function codesOf(error: unknown, depth = 0): string[] {
  if (typeof error !== 'object' || error === null || depth > 3) return [];
  const e = error as Record<string, unknown>;
  const own = [e.name, e.Code, e.code, (e.Error as Record<string, unknown> | undefined)?.Code].filter(
    (value): value is string => typeof value === 'string',
  );
  return [...own, ...codesOf(e.cause, depth + 1), ...codesOf(e.originalError, depth + 1)];
}

/** AccessDenied & co: the same request will fail again, so waiting minutes would only hide it. */
export function isNonRecoverableCredentialError(error: unknown): boolean {
  return codesOf(error).some((code) => NON_RECOVERABLE.has(code));
}

export function errorName(error: unknown): string {
  return codesOf(error).find((code) => code !== 'Error') ?? 'Error';
}

export function errorSummary(error: unknown): { name: string; message: string } {
  const message = error instanceof Error ? error.message : String(error);
  return { name: errorName(error), message };
}

/** No credentials are cached and the source failed (or is rate-limited). */
export class CredentialsUnavailableError extends Error {
  override readonly name = 'CredentialsUnavailableError';
  /** The underlying error's name, e.g. `Throttling`. */
  readonly code: string;
  constructor(source: string, cause: unknown, detail = 'failed') {
    const { name, message } = errorSummary(cause);
    super(`Could not load AWS credentials from ${source}: the source ${detail} (${name}: ${message}).`, { cause });
    this.code = name;
  }
}

/** A refresh returned credentials that had already expired. */
export class ExpiredCredentialsError extends Error {
  override readonly name = 'ExpiredCredentialsError';
  constructor(source: string, expiration: Date) {
    super(`${source} returned credentials that expired at ${expiration.toISOString()}.`);
  }
}
