// Captures the stack of the code that started a credential fetch. V8 formats it only if a report
// reads it, so the cost per fetch is the capture alone. In deep mode it also takes the nearest
// application frames of the fetch's async ancestry (already captured, one lookup).
import { ancestryFrames } from './ancestry.js';

/** Deep enough to reach the caller past SDK v2's request state machine (~90 frames) and undici's ~30. */
const TRIGGER_STACK_DEPTH = 200;

export type Trigger = {
  readonly stack?: string;
  /** Deep mode: the nearest application frames of the async ancestry, as stack lines. */
  readonly ancestry?: string | undefined;
};

export function captureTrigger(below: (...args: any[]) => unknown): Trigger {
  const limit = Error.stackTraceLimit;
  Error.stackTraceLimit = TRIGGER_STACK_DEPTH;
  const holder: { stack?: string; ancestry?: string | undefined } = {};
  Error.captureStackTrace(holder, below);
  Error.stackTraceLimit = limit;
  const ancestry = ancestryFrames();
  if (ancestry !== undefined) holder.ancestry = ancestry;
  return holder;
}
