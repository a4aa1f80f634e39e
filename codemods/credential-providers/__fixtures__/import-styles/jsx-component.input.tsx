import { S3Client } from '@aws-sdk/client-s3';
import { fromCognitoIdentityPool } from '@aws-sdk/credential-providers';

export function Upload(props: { file: { name: string } }) {
  const s3 = new S3Client({
    region: 'eu-west-1',
    credentials: fromCognitoIdentityPool({ identityPoolId: 'eu-west-1:0000', clientConfig: { region: 'eu-west-1' } }),
  });
  return <button onClick={() => s3.config.region()}>{props.file.name}</button>;
}
