// A long-polling SQS worker: the while loop body runs for every batch.
import { SQSClient, ReceiveMessageCommand, DeleteMessageCommand } from '@aws-sdk/client-sqs';
import { S3Client, GetObjectCommand } from '@aws-sdk/client-s3';
import { fromContainerMetadata } from '@aws-sdk/credential-providers';

const sqs = new SQSClient({}); // ok: module scope

export async function poll(queueUrl) {
  for (;;) {
    const { Messages = [] } = await sqs.send(new ReceiveMessageCommand({ QueueUrl: queueUrl, WaitTimeSeconds: 20 }));
    for (const message of Messages) {
      const s3 = new S3Client({ credentials: fromContainerMetadata() }); // expect: no-per-request-credential-provider
      const body = JSON.parse(message.Body);
      await s3.send(new GetObjectCommand({ Bucket: body.bucket, Key: body.key }));
      await sqs.send(new DeleteMessageCommand({ QueueUrl: queueUrl, ReceiptHandle: message.ReceiptHandle }));
    }
  }
}

export async function pollDefault(queueUrl) {
  while (true) {
    const worker = new SQSClient({ region: 'us-east-1' }); // expect: no-per-request-client
    await worker.send(new ReceiveMessageCommand({ QueueUrl: queueUrl }));
  }
}
