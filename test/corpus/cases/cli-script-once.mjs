// A deploy CLI: everything runs once per process.
import { CloudFormationClient, CreateStackSetCommand } from '@aws-sdk/client-cloudformation';
import { STSClient, AssumeRoleCommand, GetSessionTokenCommand } from '@aws-sdk/client-sts';
import { fromIni, fromSSO } from '@aws-sdk/credential-providers';

const [, , profile, mfaCode] = process.argv;
const sts = new STSClient({ credentials: fromIni({ profile }) }); // ok: module scope

const session = await sts.send(new GetSessionTokenCommand({ SerialNumber: process.env.MFA_ARN, TokenCode: mfaCode })); // ok: top-level await, once

async function main() {
  const cfn = new CloudFormationClient({ credentials: fromSSO({ profile }) }); // ok: main() called once
  const assumed = await sts.send(new AssumeRoleCommand({ RoleArn: process.env.DEPLOY_ROLE, RoleSessionName: 'deploy' })); // ok: main() called once
  await cfn.send(new CreateStackSetCommand({ StackSetName: 'base', TemplateURL: process.env.TEMPLATE_URL }));
  console.log(session.Credentials.Expiration, assumed.AssumedRoleUser.Arn);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
