import { AssumeRoleCommand, STSClient } from '@aws-sdk/client-sts';
import { Injectable } from '@nestjs/common';

@Injectable()
export class StsService {
  private readonly sts = new STSClient({ region: 'eu-west-1' });

  async uploadCredentials(folder: string) {
    const { Credentials } = await this.sts.send(new AssumeRoleCommand({ RoleArn: 'arn:aws:iam::111111111111:role/upload', RoleSessionName: folder }));
    return Credentials;
  }
}
