import { syncAll } from './src/work';

export const handler = async (event: { regions: string[] }) => syncAll(event.regions);
