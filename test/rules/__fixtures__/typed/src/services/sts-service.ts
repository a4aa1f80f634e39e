import { fromTemporaryCredentials } from '@aws-sdk/credential-providers';

export class StsService {
  assume(roleArn: string) {
    return fromTemporaryCredentials({ params: { RoleArn: roleArn } });
  }
}
