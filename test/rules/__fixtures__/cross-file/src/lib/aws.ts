import { fromTemporaryCredentials } from '@aws-sdk/credential-providers';
import { S3Client } from '@aws-sdk/client-s3';
import { AssumeRoleCommand, STSClient } from '@aws-sdk/client-sts';

const sts = new STSClient({});
const clients = new Map<string, S3Client>();

export function credentialsFor(roleArn: string) {
  return fromTemporaryCredentials({ params: { RoleArn: roleArn } });
}

export function cachedClient(region: string) {
  let client = clients.get(region);
  if (!client) {
    client = new S3Client({ region });
    clients.set(region, client);
  }
  return client;
}

export async function sessionFor(roleArn: string) {
  return sts.send(new AssumeRoleCommand({ RoleArn: roleArn, RoleSessionName: 'app' }));
}

export class Uploads {
  readonly s3 = new S3Client({});
  upload(key: string) {
    return key;
  }
}

export class Reports {
  client(region: string) {
    return new S3Client({ region });
  }
}
