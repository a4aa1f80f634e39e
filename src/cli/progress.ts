// Progress on stderr for long runs: a bar redrawn in place on a terminal, a plain line every
// few seconds otherwise (CI logs), nothing for short runs or with --json.
import type { Io } from './io.js';

export interface Progress {
  tick(file: string): void;
  done(): void;
}

const SILENT: Progress = { tick: () => {}, done: () => {} };
const MIN_FILES = 200;
const PLAIN_INTERVAL_MS = 5_000;
const TTY_INTERVAL_MS = 100;

export function createProgress(io: Io, total: number, options: { enabled: boolean; now?: () => number }): Progress {
  if (!options.enabled || total < MIN_FILES) return SILENT;
  const now = options.now ?? Date.now;
  let count = 0;
  let last = now();
  let drawn = false;
  const render = (): void => {
    const ratio = total === 0 ? 1 : count / total;
    if (io.errIsTTY) {
      const width = 30;
      const filled = Math.round(ratio * width);
      io.err(`\r[${'#'.repeat(filled)}${'-'.repeat(width - filled)}] ${count}/${total} files`);
      drawn = true;
    } else {
      io.err(`aws-credentials: ${count}/${total} files (${Math.round(ratio * 100)}%)\n`);
      drawn = true;
    }
  };
  render(); // at once, so a long run shows it started before the first file is done
  return {
    tick(): void {
      count += 1;
      const at = now();
      if (at - last >= (io.errIsTTY ? TTY_INTERVAL_MS : PLAIN_INTERVAL_MS)) {
        last = at;
        render();
      }
    },
    done(): void {
      if (!drawn) return;
      render();
      if (io.errIsTTY) io.err('\n');
    },
  };
}
