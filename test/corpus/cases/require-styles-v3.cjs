// CommonJS: destructuring, renaming, member access and the single-provider packages.
const { fromTemporaryCredentials: temporary, fromHttp } = require('@aws-sdk/credential-providers');
const credentialProviders = require('@aws-sdk/credential-providers');
const { defaultProvider } = require('@aws-sdk/credential-provider-node');
const { fromSSO } = require('@aws-sdk/credential-provider-sso');
const { S3Client } = require('@aws-sdk/client-s3');
const sqsModule = require('@aws-sdk/client-sqs');

const moduleScoped = temporary({ params: { RoleArn: process.env.ROLE } }); // ok: module scope

exports.handler = async (event) => {
  const p1 = temporary({ params: { RoleArn: event.roleArn } }); // expect: no-per-request-credential-provider
  const p2 = credentialProviders.fromTemporaryCredentials({ params: { RoleArn: event.roleArn } }); // expect: no-per-request-credential-provider
  const p3 = fromHttp({ awsContainerCredentialsFullUri: process.env.AWS_CONTAINER_CREDENTIALS_FULL_URI }); // expect: no-per-request-credential-provider
  const p4 = fromSSO({ profile: event.profile }); // expect: no-per-request-credential-provider
  const s3 = new S3Client({ credentials: defaultProvider() }); // expect: no-per-request-credential-provider
  const sqs = new sqsModule.SQSClient({}); // expect: no-per-request-client
  const shared = new S3Client({ credentials: moduleScoped }); // expect: no-per-request-client
  return [p1, p2, p3, p4, s3, sqs, shared];
};
