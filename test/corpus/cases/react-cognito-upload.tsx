/* eslint-disable */
// @ts-nocheck
// React upload form with Cognito identity-pool credentials.
import { useMemo, useState } from 'react';
import { S3Client, PutObjectCommand } from '@aws-sdk/client-s3';
import { fromCognitoIdentityPool } from '@aws-sdk/credential-providers';
import { CognitoIdentityClient } from '@aws-sdk/client-cognito-identity';

const REGION = 'eu-west-1';
const IDENTITY_POOL_ID = import.meta.env.VITE_IDENTITY_POOL_ID;

export function OrderImageUpload({ order }) {
  const client = new S3Client({
    region: REGION,
    credentials: fromCognitoIdentityPool({ // expect: no-per-request-credential-provider
      clientConfig: { region: REGION },
      identityPoolId: IDENTITY_POOL_ID,
    }),
  });
  const upload = (file: File) => client.send(new PutObjectCommand({ Bucket: 'orders', Key: `${order.id}/${file.name}`, Body: file }));
  return <input type="file" onChange={(e) => upload(e.target.files[0])} />;
}

export function MemoizedUpload({ idToken }) {
  const credentials = useMemo(
    () => fromCognitoIdentityPool({ identityPoolId: IDENTITY_POOL_ID, logins: { 'cognito-idp': idToken }, clientConfig: { region: REGION } }), // ok: useMemo initialiser
    [idToken],
  );
  const [s3] = useState(() => new S3Client({ region: REGION, credentials })); // ok: useState initialiser
  return <button onClick={() => s3.send(new PutObjectCommand({ Bucket: 'b', Key: 'k', Body: '' }))}>Upload</button>;
}

const cognito = new CognitoIdentityClient({ region: REGION }); // ok: module scope
export const sharedS3 = new S3Client({ // ok: module scope
  region: REGION,
  credentials: fromCognitoIdentityPool({ client: cognito, identityPoolId: IDENTITY_POOL_ID }), // ok: module scope
});
