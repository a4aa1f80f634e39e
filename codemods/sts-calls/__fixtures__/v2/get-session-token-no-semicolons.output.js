import AWS from 'aws-sdk'
import { cacheCredentials, toV2Credentials } from 'eslint-plugin-aws-credentials/runtime'

const sts = new AWS.STS()

const sessionCredentials = toV2Credentials(cacheCredentials(async () => {
  const { Credentials } = await sts.getSessionToken({ DurationSeconds: 3600 }).promise()
  return { accessKeyId: Credentials.AccessKeyId, secretAccessKey: Credentials.SecretAccessKey, sessionToken: Credentials.SessionToken, expiration: Credentials.Expiration }
}))

export async function handler(event) {
  const sqs = new AWS.SQS({ credentials: sessionCredentials })
  ;[1, 2].forEach(() => {})
  return sqs.sendMessage({ QueueUrl: event.queueUrl, MessageBody: event.body }).promise()
}
