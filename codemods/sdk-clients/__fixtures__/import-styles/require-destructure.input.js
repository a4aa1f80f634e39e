const { SQSClient, ReceiveMessageCommand } = require('@aws-sdk/client-sqs');

async function poll(queueUrl) {
  for (;;) {
    const sqs = new SQSClient({ region: 'eu-west-1' });
    await sqs.send(new ReceiveMessageCommand({ QueueUrl: queueUrl, WaitTimeSeconds: 20 }));
  }
}

module.exports = { poll };
