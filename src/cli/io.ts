// Where the CLI writes: injected so tests capture output without spawning a process.
export interface Io {
  out(text: string): void;
  err(text: string): void;
  /** stderr is a terminal: the progress bar redraws in place. */
  readonly errIsTTY: boolean;
}

export const processIo: Io = {
  out: text => process.stdout.write(text),
  err: text => process.stderr.write(text),
  errIsTTY: process.stderr.isTTY === true,
};

/** Exit codes, fit for CI. */
export const EXIT = {
  ok: 0,
  /** scan: findings; fix: some files could not be processed. */
  findings: 1,
  /** Bad usage, or an internal error. */
  usage: 2,
} as const;
