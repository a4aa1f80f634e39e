import { sendMetric } from './metrics';

export const handler = async (event: { names: string[] }) => {
  await Promise.all(event.names.map((name) => sendMetric(name)));
};
