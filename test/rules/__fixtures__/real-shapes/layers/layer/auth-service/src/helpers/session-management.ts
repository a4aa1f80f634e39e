import { AssumeRoleCommand, STSClient } from '@aws-sdk/client-sts';

export class SessionManagement {
  private readonly sts: STSClient;

  constructor(region: string) {
    this.sts = new STSClient({ region });
  }

  public getSession = async (roleArn: string, policy: string) => {
    const result = await this.sts.send(new AssumeRoleCommand({ RoleArn: roleArn, RoleSessionName: 'tenant', Policy: policy }));
    return result.Credentials;
  };
}
