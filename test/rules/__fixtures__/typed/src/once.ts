import { container } from './container.js';
import { StsService } from './services/sts-service.js';
import type { roleCredentials } from './layers/index.js';

// Module scope: each runs once per process, typed or not.
const svc = container.get(StsService);
export const boot = svc.assume(process.env.BOOT_ROLE!);

export function buildService(getCredentials: typeof roleCredentials) {
  const credentials = getCredentials(process.env.ROLE!);
  return async (event: { key: string }) => ({ credentials, key: event.key, unrelated: event.key.trim() });
}
