/* eslint-disable */
// @ts-nocheck
// A Step Functions activity worker and a Promise.all fan-out in a handler.
import { SFNClient, GetActivityTaskCommand, SendTaskSuccessCommand } from '@aws-sdk/client-sfn';
import { EC2Client, DescribeRegionsCommand } from '@aws-sdk/client-ec2';
import { fromTemporaryCredentials } from '@aws-sdk/credential-providers';

const sfn = new SFNClient({}); // ok: module scope

export async function runActivity(activityArn: string) {
  for (;;) {
    const task = await sfn.send(new GetActivityTaskCommand({ activityArn }));
    const input = JSON.parse(task.input ?? '{}');
    const ec2 = new EC2Client({ credentials: fromTemporaryCredentials({ params: { RoleArn: input.roleArn } }) }); // expect: no-per-request-credential-provider
    const regions = await ec2.send(new DescribeRegionsCommand({}));
    await sfn.send(new SendTaskSuccessCommand({ taskToken: task.taskToken, output: JSON.stringify(regions) }));
  }
}

export const handler = async (event) => {
  return Promise.all(
    event.regions.map((region: string) => new EC2Client({ region }).send(new DescribeRegionsCommand({}))), // expect: no-per-request-client
  );
};
