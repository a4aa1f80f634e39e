import { CloudWatchClient } from '@aws-sdk/client-cloudwatch';

export function sendMetric(name: string) {
  const cloudwatch = new CloudWatchClient({});
  return cloudwatch.config.region();
}
