import { StsService } from './services/sts-service.js';

export function stsService(): StsService {
  return new StsService();
}
