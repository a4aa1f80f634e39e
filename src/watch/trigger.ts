// Captures the stack of the code that started a credential fetch. V8 formats it only if a report
// reads it, so the cost per fetch is the capture alone.

/** Deep enough to reach the caller past SDK v2's request state machine (~90 frames) and undici's ~30. */
const TRIGGER_STACK_DEPTH = 200;

export type Trigger = { readonly stack?: string };

export function captureTrigger(below: (...args: any[]) => unknown): Trigger {
  const limit = Error.stackTraceLimit;
  Error.stackTraceLimit = TRIGGER_STACK_DEPTH;
  const holder: { stack?: string } = {};
  Error.captureStackTrace(holder, below);
  Error.stackTraceLimit = limit;
  return holder;
}
