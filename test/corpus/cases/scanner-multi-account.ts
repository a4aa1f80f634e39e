/* eslint-disable */
// @ts-nocheck
// Multi-account compliance scanner: for each account, for each check.
import { Organizations, ListAccountsCommand, OrganizationsClient } from '@aws-sdk/client-organizations';
import { IAMClient, GetAccountSummaryCommand } from '@aws-sdk/client-iam';
import { EC2Client, DescribeSecurityGroupsCommand } from '@aws-sdk/client-ec2';
import { STSClient, AssumeRoleCommand } from '@aws-sdk/client-sts';
import { fromTemporaryCredentials } from '@aws-sdk/credential-providers';
import pLimit from 'p-limit';

const orgs = new OrganizationsClient({ region: 'us-east-1' }); // ok: module scope
const sts = new STSClient({ region: 'us-east-1' }); // ok: module scope
const limit = pLimit(8);

const checks = {
  async iamSummary(accountId: string) {
    const iam = new IAMClient({
      credentials: fromTemporaryCredentials({ params: { RoleArn: `arn:aws:iam::${accountId}:role/auditor`, RoleSessionName: 'scanner' } }), // expect: no-per-request-credential-provider
    });
    return iam.send(new GetAccountSummaryCommand({}));
  },
  async openSecurityGroups(accountId: string, region: string) {
    const ec2 = new EC2Client({
      region,
      credentials: fromTemporaryCredentials({ params: { RoleArn: `arn:aws:iam::${accountId}:role/auditor` } }), // expect: no-per-request-credential-provider
    });
    return ec2.send(new DescribeSecurityGroupsCommand({}));
  },
};

async function assumeAuditor(accountId: string) {
  const { Credentials } = await sts.send(new AssumeRoleCommand({ RoleArn: `arn:aws:iam::${accountId}:role/auditor`, RoleSessionName: 'scanner' })); // expect: no-per-request-sts-call
  return { accessKeyId: Credentials.AccessKeyId, secretAccessKey: Credentials.SecretAccessKey, sessionToken: Credentials.SessionToken };
}

export async function scan() {
  const { Accounts } = await orgs.send(new ListAccountsCommand({}));
  await Promise.all(
    Accounts.map((account) =>
      limit(async () => {
        const credentials = await assumeAuditor(account.Id);
        const ec2 = new EC2Client({ credentials }); // ok: static credentials, reported at the STS call
        await ec2.send(new DescribeSecurityGroupsCommand({}));
        for (const check of Object.values(checks)) await check(account.Id, 'us-east-1');
      }),
    ),
  );
}
