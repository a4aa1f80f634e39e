/* eslint-disable */
// @ts-nocheck
// Scheduled jobs: timers and node-cron callbacks run again and again.
import cron from 'node-cron';
import { CloudWatchClient, PutMetricDataCommand } from '@aws-sdk/client-cloudwatch';
import { SQSClient, GetQueueAttributesCommand } from '@aws-sdk/client-sqs';
import { fromContainerMetadata, fromInstanceMetadata } from '@aws-sdk/credential-providers';

const cloudwatch = new CloudWatchClient({}); // ok: module scope

setInterval(async () => {
  const sqs = new SQSClient({ credentials: fromContainerMetadata() }); // expect: no-per-request-credential-provider
  const attributes = await sqs.send(new GetQueueAttributesCommand({ QueueUrl: process.env.QUEUE_URL, AttributeNames: ['All'] }));
  await cloudwatch.send(new PutMetricDataCommand({ Namespace: 'jobs', MetricData: [{ MetricName: 'depth', Value: Number(attributes.Attributes.ApproximateNumberOfMessages) }] }));
}, 10_000);

cron.schedule('*/5 * * * *', async () => {
  const metrics = new CloudWatchClient({ credentials: fromInstanceMetadata({ timeout: 1000 }) }); // expect: no-per-request-credential-provider
  await metrics.send(new PutMetricDataCommand({ Namespace: 'cron', MetricData: [] }));
});

setTimeout(async () => {
  const sqs = new SQSClient({}); // ok: a module-scope setTimeout callback runs once
  await sqs.send(new GetQueueAttributesCommand({ QueueUrl: process.env.QUEUE_URL }));
}, 1000);
