import AWS from 'aws-sdk'

const sts = new AWS.STS()

export async function handler(event) {
  const { Credentials } = await sts.getSessionToken({ DurationSeconds: 3600 }).promise()
  const sqs = new AWS.SQS({ credentials: { accessKeyId: Credentials.AccessKeyId, secretAccessKey: Credentials.SecretAccessKey, sessionToken: Credentials.SessionToken } })
  ;[1, 2].forEach(() => {})
  return sqs.sendMessage({ QueueUrl: event.queueUrl, MessageBody: event.body }).promise()
}
