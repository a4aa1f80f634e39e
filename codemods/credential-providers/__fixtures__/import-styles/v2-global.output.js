const AWS = require('aws-sdk');

const chainableTemporaryCredentials = new AWS.ChainableTemporaryCredentials({
  params: { RoleArn: 'arn:aws:iam::555555555555:role/jobs', RoleSessionName: 'v2-worker' },
});

async function processJob(job) {
  const credentials = chainableTemporaryCredentials;
  const sts = new AWS.STS({ credentials });
  const identity = await sts.getCallerIdentity({}).promise();
  return { job: job.id, arn: identity.Arn };
}

module.exports = { processJob };
