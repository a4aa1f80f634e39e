// The same class: a CLI runs it; a server imports only its role name and a type.
import { AssumeRoleCommand, STSClient } from '@aws-sdk/client-sts';

const sts = new STSClient({});

export const CLEANER_ROLE = 'cleaner';

export interface CleanResult {
  accountId: string;
}

export class AccountCleaner {
  async cleanAll(accountIds: string[]) {
    for (const accountId of accountIds) await this.clean(accountId);
  }

  async clean(accountId: string) {
    const { Credentials } = await sts.send(new AssumeRoleCommand({ RoleArn: `arn:aws:iam::${accountId}:role/cleaner`, RoleSessionName: 'cleaner' }));
    return Credentials;
  }
}
