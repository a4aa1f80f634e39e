import { SessionManagement } from './session-management';

export { SessionManagement };
