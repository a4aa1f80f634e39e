// The process-wide watch behind `--import` / `-r` / NODE_OPTIONS and startCredentialWatch():
// one per process even when both the ESM and the CommonJS builds are loaded, reported at exit.
import { writeFileSync, writeSync } from 'node:fs';
import { trackAncestry } from './ancestry.js';
import { readSettings, type WatchSettings } from './settings.js';
import { formatTable } from './table.js';
import type { WatchReport } from './types.js';
import { createCredentialWatch, type CredentialWatch, type WatchOptions } from './watch.js';

const GLOBAL = Symbol.for('eslint-plugin-aws-credentials.watch');
/** Turns deep mode on in a running watch, with the ancestry module of the build that started it. */
const DEEPEN = Symbol.for('eslint-plugin-aws-credentials.watch.deepen');
type ProcessWatch = CredentialWatch & { [DEEPEN]?: () => void };
type Holder = { [GLOBAL]?: ProcessWatch };

const DISABLED: CredentialWatch = { report: () => ({ identities: [] }), stop: () => ({ identities: [] }) };

/**
 * Starts the process's credential watch (or returns the one already running). At exit it prints
 * the table on stderr, writes AWS_CREDENTIALS_WATCH_JSON, and with AWS_CREDENTIALS_WATCH=fail
 * sets exit code 1 when an identity is over budget. `stop()` ends it without an exit report.
 * `deep` (default AWS_CREDENTIALS_WATCH_DEEP=1) follows the async ancestry of fetches made from
 * library code to the application frames; off, no hook is installed. `{ deep: true }` given to
 * the running watch (importing the module starts it) turns deep mode on in it, until stop().
 */
export function startCredentialWatch(options: WatchOptions = {}): CredentialWatch {
  const holder = globalThis as Holder;
  const running = holder[GLOBAL];
  if (running !== undefined) {
    if (options.deep === true) running[DEEPEN]?.();
    return running;
  }
  const settings = readSettings();
  if (settings.mode === 'off') return DISABLED;
  let deep = options.deep ?? settings.deep;
  const watch = createCredentialWatch({ ...options, deep });
  let untrack: (() => void) | undefined;
  const onExit = (): void => reportAtExit(handle.stop(), settings, deep);
  process.once('exit', onExit);
  const handle: ProcessWatch = {
    report: () => watch.report(),
    stop: () => {
      process.removeListener('exit', onExit);
      if (holder[GLOBAL] === handle) delete holder[GLOBAL];
      untrack?.();
      return watch.stop();
    },
    [DEEPEN]: () => {
      if (deep) return;
      deep = true;
      untrack = trackAncestry();
    },
  };
  holder[GLOBAL] = handle;
  return handle;
}

/** A process that saw no credential fetch stays silent (NODE_OPTIONS reaches every node process). */
function reportAtExit(report: WatchReport, settings: WatchSettings, deep: boolean): void {
  if (report.identities.length === 0) return;
  try {
    writeSync(2, formatTable(report, { deep }));
    if (settings.jsonFile !== undefined) writeFileSync(settings.jsonFile, JSON.stringify(report, null, 2) + '\n');
  } catch {
    // stderr closed or the file not writable: the watch must never change how the process ends.
  }
  // A process already failing keeps its own exit code.
  if (settings.mode === 'fail' && !process.exitCode && report.identities.some((identity) => identity.overBudget)) process.exitCode = 1;
}
