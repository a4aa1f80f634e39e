// The same class, but a server imports it too (server/app.ts): per request.
import { AssumeRoleCommand, STSClient } from '@aws-sdk/client-sts';

const sts = new STSClient({});

export class AccountCleaner {
  async cleanAll(accountIds: string[]) {
    for (const accountId of accountIds) await this.clean(accountId);
  }

  async clean(accountId: string) {
    const { Credentials } = await sts.send(new AssumeRoleCommand({ RoleArn: `arn:aws:iam::${accountId}:role/cleaner`, RoleSessionName: 'cleaner' }));
    return Credentials;
  }
}
