// One credential watch: taps node:http and fetch, counts into its own ledger until stopped.
import { trackAncestry } from './ancestry.js';
import { rereadContainerUri } from './classify.js';
import { tapFetch } from './fetch-tap.js';
import { tapHttp } from './http-tap.js';
import { keyOf, Ledger } from './ledger.js';
import type { Recorder } from './recorder.js';
import type { CredentialRequest, WatchReport } from './types.js';

export interface CredentialWatch {
  /** What has been seen so far, worst identities first. */
  report(): WatchReport;
  /** Stops observing; returns the final report. Idempotent. */
  stop(): WatchReport;
}

export interface WatchOptions {
  /** Clock in ms (default Date.now). */
  readonly now?: () => number;
  /** Frames under this directory are shown relative to it (default process.cwd()). */
  readonly cwd?: string;
  /**
   * Deep mode: for a fetch whose stack is all library code, follow its async ancestry to the nearest
   * application frames (an async_hooks hook, a stack capture per async resource). Default false,
   * which installs no hook; the process's watch reads AWS_CREDENTIALS_WATCH_DEEP=1.
   */
  readonly deep?: boolean;
}

export function createCredentialWatch(options: WatchOptions = {}): CredentialWatch {
  const now = options.now ?? Date.now;
  const cwd = options.cwd ?? process.cwd();
  const ledger = new Ledger();
  const identityOf = (request: CredentialRequest): string => request.identity ?? request.origin;
  const recorder: Recorder = {
    wantsTrigger: (request) => ledger.wantsTrigger(request.kind, identityOf(request), now(), request.durationSeconds),
    fetch: (request, trigger) =>
      ledger.add({ kind: request.kind, action: request.action ?? '?', identity: identityOf(request), at: now(), durationSeconds: request.durationSeconds, trigger }),
    lifetime: (request, seconds) => ledger.lifetime(keyOf(request.kind, identityOf(request)), seconds),
  };
  // A watch started after the environment changed sees the change from its first request.
  rereadContainerUri();
  const untaps = [tapHttp(recorder), tapFetch(recorder)];
  if (options.deep === true) untaps.push(trackAncestry());
  let final: WatchReport | undefined;
  return {
    report: () => final ?? ledger.report(cwd),
    stop: () => {
      if (final === undefined) {
        for (const untap of untaps) untap();
        final = ledger.report(cwd);
      }
      return final;
    },
  };
}
