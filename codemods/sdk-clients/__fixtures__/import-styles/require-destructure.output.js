const { SQSClient, ReceiveMessageCommand } = require('@aws-sdk/client-sqs');

const sqsClient = new SQSClient({ region: 'eu-west-1' });

async function poll(queueUrl) {
  for (;;) {
    const sqs = sqsClient;
    await sqs.send(new ReceiveMessageCommand({ QueueUrl: queueUrl, WaitTimeSeconds: 20 }));
  }
}

module.exports = { poll };
