import { S3Client } from '@aws-sdk/client-s3';
import { fromCognitoIdentityPool } from '@aws-sdk/credential-providers';
import { cacheCredentials } from 'eslint-plugin-aws-credentials/runtime';

const cognitoIdentityPoolCredentials = cacheCredentials(fromCognitoIdentityPool({ identityPoolId: 'eu-west-1:0000', clientConfig: { region: 'eu-west-1' } }));

export function Upload(props: { file: { name: string } }) {
  const s3 = new S3Client({
    region: 'eu-west-1',
    credentials: cognitoIdentityPoolCredentials,
  });
  return <button onClick={() => s3.config.region()}>{props.file.name}</button>;
}
