import { fromTemporaryCredentials } from '@aws-sdk/credential-providers';

export function credentialsFor(roleArn: string) {
  return fromTemporaryCredentials({ params: { RoleArn: roleArn } });
}
