// Which source failures are worth retrying, and the errors the runtime raises. Messages name the
// source and the cause's name and message, passed through the redactor (a `fromProcess` failure
// quotes its command line, secret arguments included). The original error is kept as `cause`,
// unredacted: it is the source's own object, and may hold whatever the source put in it.
import { redactSecrets } from './redact.js';

/**
 * The same request fails again until someone changes a policy, a trust or the input: waiting out a
 * backoff would only hide the error, and serving older credentials would keep using access that
 * was withdrawn. `ExpiredToken` (the caller's own session or web identity token expired) belongs
 * here too: it is raised at once and retried after a few seconds, when the base credentials may
 * have been refreshed, rather than minutes later.
 */
const NON_RECOVERABLE_CODES = new Set(
  ['AccessDenied', 'InvalidIdentityToken', 'IDPRejectedClaim', 'MalformedPolicyDocument', 'PackedPolicyTooLarge', 'RegionDisabled', 'ExpiredToken'].flatMap(
    (code) => [code, `${code}Exception`],
  ),
);

/** How deep `cause` / `originalError` chains are followed. SDK errors nest one or two levels. */
const MAX_CAUSE_DEPTH = 4;

/** `com.amazonaws.sts#AccessDenied` or `AccessDenied:http://...` (JSON protocols' `__type`) -> `AccessDenied`. */
function bareCode(value: string): string {
  const hash = value.lastIndexOf('#');
  const tail = hash >= 0 ? value.slice(hash + 1) : value;
  const colon = tail.indexOf(':');
  return colon >= 0 ? tail.slice(0, colon) : tail;
}

function pushCodes(error: unknown, into: string[], depth: number): void {
  if (typeof error !== 'object' || error === null || depth > MAX_CAUSE_DEPTH) return;
  const e = error as Record<string, unknown>;
  const body = e.Error as Record<string, unknown> | undefined; // query protocol: { Error: { Code } }
  for (const value of [e.name, e.Code, e.code, e.__type, typeof body === 'object' && body !== null ? body.Code : undefined]) {
    if (typeof value === 'string' && value !== '') into.push(bareCode(value));
  }
  if (e.cause !== error) pushCodes(e.cause, into, depth + 1);
  pushCodes(e.originalError, into, depth + 1); // aws-sdk v2 wraps this way
}

/** Every error name or code on the error and its causes, outermost first. */
function errorCodes(error: unknown): string[] {
  const codes: string[] = [];
  pushCodes(error, codes, 0);
  return codes;
}

/**
 * AccessDenied, InvalidIdentityToken, IDPRejectedClaim, MalformedPolicyDocument, PackedPolicyTooLarge,
 * RegionDisabled (with or without the `Exception` suffix) and ExpiredToken, found in `name`, `Code`,
 * `code`, `__type` or `Error.Code` of the error or of any error in its `cause` chain.
 */
export function isNonRecoverableCredentialError(error: unknown): boolean {
  return errorCodes(error).some((code) => NON_RECOVERABLE_CODES.has(code));
}

/** The most specific name: a code the SDK set, else the error's name. */
function errorName(error: unknown): string {
  const codes = errorCodes(error);
  return codes.find((code) => code !== 'Error' && !RUNTIME_ERROR_NAMES.has(code)) ?? codes[0] ?? 'Error';
}

/** The name and the redacted message: what events and the runtime's own messages show of an error. */
export function errorSummary(error: unknown): { name: string; message: string } {
  const raw = error instanceof Error ? error.message : typeof error === 'string' ? error : 'non-Error value thrown';
  return { name: redactSecrets(errorName(error)), message: redactSecrets(String(raw)) };
}

/** No credentials are cached and the source failed, or is rate-limited after failing. */
export class CredentialsUnavailableError extends Error {
  override readonly name = 'CredentialsUnavailableError';
  /** The underlying error's name or code, e.g. `Throttling`. */
  readonly code: string;
  constructor(source: string, cause: unknown, detail = 'failed', next = 'the next call retries') {
    const { name, message } = errorSummary(cause);
    super(`Could not load AWS credentials from ${source}: the source ${detail} (${name}: ${message}). Nothing is cached yet; ${next}.`, { cause });
    this.code = name;
  }
}

/** A refresh returned credentials that had already expired, or were about to. */
export class StaleCredentialsError extends Error {
  override readonly name = 'StaleCredentialsError';
  readonly expiration: Date;
  constructor(source: string, expiration: Date, now: number) {
    const left = Math.round((expiration.getTime() - now) / 1000);
    super(`${source} returned credentials that ${left <= 0 ? `expired ${-left} s ago` : `expire in ${left} s`} (${expiration.toISOString()}); treated as a failed refresh.`);
    this.expiration = expiration;
  }
}

/** The source did not answer within `sourceTimeoutSeconds`: a recoverable failure. */
export class SourceTimeoutError extends Error {
  override readonly name = 'SourceTimeoutError';
  constructor(source: string, timeoutMs: number) {
    super(`${source} did not answer within ${timeoutMs / 1000} s (sourceTimeoutSeconds); treated as a failed refresh.`);
  }
}

/**
 * The source resolved to something that is not credentials. The message says which field is
 * wrong and of what type, never its value (it could be the secret).
 */
export class InvalidCredentialsError extends TypeError {
  override readonly name = 'InvalidCredentialsError';
  constructor(source: string, problem = 'without an accessKeyId and secretAccessKey string') {
    super(`${source} resolved ${problem}.`);
  }
}

const RUNTIME_ERROR_NAMES = new Set(['CredentialsUnavailableError']);
