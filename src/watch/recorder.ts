// What the request taps report to: a fetch when it is sent, a lifetime when its response names one.
import type { Trigger } from './trigger.js';
import type { CredentialRequest } from './types.js';

export interface Recorder {
  /**
   * Whether the stack of this fetch is worth capturing: only a fetch over its identity's budget
   * so far, while that identity's sample is not full. Capturing costs microseconds per frame;
   * deciding costs a map lookup.
   */
  wantsTrigger(request: CredentialRequest): boolean;
  fetch(request: CredentialRequest, trigger: Trigger | undefined): void;
  lifetime(request: CredentialRequest, seconds: number): void;
}

/** Whether any of `recorders` wants the stack of `request`. */
export function anyWantsTrigger(recorders: Iterable<Recorder>, request: CredentialRequest): boolean {
  for (const recorder of recorders) if (recorder.wantsTrigger(request)) return true;
  return false;
}
