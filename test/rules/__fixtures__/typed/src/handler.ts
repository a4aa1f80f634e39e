import { container } from './container.js';
import { stsService } from './factory.js';
import { StsService } from './services/sts-service.js';
import type { roleCredentials } from './layers/index.js';

export interface Deps {
  credentials: typeof roleCredentials;
}

export function createHandler(deps: Deps, getCredentials: typeof roleCredentials) {
  return async (event: { roleArn: string }) => {
    const svc = container.get(StsService);
    const fromContainer = svc.assume(event.roleArn);
    const fromFactory = stsService().assume(event.roleArn);
    const injected = deps.credentials(event.roleArn);
    const passed = getCredentials(event.roleArn);
    return { fromContainer, fromFactory, injected, passed };
  };
}
