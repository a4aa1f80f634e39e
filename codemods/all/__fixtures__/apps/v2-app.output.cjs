// An SDK v2 worker that builds TemporaryCredentials for every job.
const AWS = require('aws-sdk');

const chainableTemporaryCredentials = new AWS.ChainableTemporaryCredentials({
  params: { RoleArn: 'arn:aws:iam::555555555555:role/jobs', RoleSessionName: 'v2-worker' },
  stsConfig: { endpoint: process.env.AWS_ENDPOINT_URL, region: 'us-east-1' },
});

async function processJob(job) {
  const credentials = chainableTemporaryCredentials;
  const sts = new AWS.STS({ credentials, endpoint: process.env.AWS_ENDPOINT_URL, region: 'us-east-1' });
  const identity = await sts.getCallerIdentity({}).promise();
  return { job: job.id, arn: identity.Arn };
}

module.exports = { processJob };
