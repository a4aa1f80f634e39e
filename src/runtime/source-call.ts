// One call to the wrapped source, bounded in time: a source that never settles (a hung socket, a
// credential_process that waits for input) must not block every caller and stop refreshes for good.
import { SourceTimeoutError } from './errors.js';
import type { AwsCredentialIdentity, CredentialSource } from './types.js';

/**
 * 30 s: an STS call with the SDK's standard retries (3 attempts, each bounded by a few seconds of
 * connect and response time, plus their backoff) finishes well within it (the Rust SDK derives about
 * 22 s from the same defaults); IMDS and the container endpoint answer in milliseconds with 1 s
 * timeouts of their own. So a source still silent after 30 s is hung, not slow.
 */
export const DEFAULT_SOURCE_TIMEOUT_SECONDS = 30;

/**
 * The source's answer, or a SourceTimeoutError after `timeoutMs` (Infinity: no bound). A late
 * answer is dropped, a late rejection observed, so neither surfaces as an unhandled rejection.
 */
export function callSource(
  source: CredentialSource,
  options: Record<string, any> | undefined,
  timeoutMs: number,
  label: string,
): Promise<AwsCredentialIdentity> {
  let pending: Promise<AwsCredentialIdentity>;
  try {
    pending = Promise.resolve(source(options));
  } catch (error) {
    return Promise.reject(error);
  }
  if (timeoutMs === Infinity) return pending;
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new SourceTimeoutError(label, timeoutMs)), timeoutMs);
    // The source's own sockets keep the process alive while it works; the bound alone must not.
    (timer as { unref?: () => void }).unref?.();
    pending.then(
      (credentials) => {
        clearTimeout(timer);
        resolve(credentials);
      },
      (error: unknown) => {
        clearTimeout(timer);
        reject(error);
      },
    );
  });
}
