// A multi-account scanner: one AssumeRole per account and per check, with a pool of workers.
// Accounts in an OU whose SCP denies everything answer AccessDenied.
import { GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import { fromTemporaryCredentials } from '@aws-sdk/credential-providers';

export async function checkAccount(accountId) {
  const sts = new STSClient({
    region: 'us-east-1',
    credentials: fromTemporaryCredentials({
      params: { RoleArn: `arn:aws:iam::${accountId}:role/auditor`, RoleSessionName: 'scanner' },
    }),
  });
  const identity = await sts.send(new GetCallerIdentityCommand({}));
  return identity.Account;
}

/** The scan: every account in turn (the workers run this over their share of the accounts). */
export async function scanAccounts(accountIds) {
  const results = [];
  for (const accountId of accountIds) results.push(await checkAccount(accountId));
  return results;
}
