// What the request taps report to: a fetch when it is sent, a lifetime when its response names one.
import type { Trigger } from './trigger.js';
import type { CredentialRequest } from './types.js';

export interface Recorder {
  fetch(request: CredentialRequest, trigger: Trigger): void;
  lifetime(request: CredentialRequest, seconds: number): void;
}
