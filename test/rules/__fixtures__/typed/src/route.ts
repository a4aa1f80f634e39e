import { stsService } from './factory.js';

// factory.ts creates nothing itself; the instance it returns is typed by a module that does.
export const handler = async (event: { roleArn: string }) => stsService().assume(event.roleArn);
