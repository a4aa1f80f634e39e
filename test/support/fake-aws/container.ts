// The ECS container credentials endpoint (AWS_CONTAINER_CREDENTIALS_FULL_URI), rate-limited like the ECS agent.
import { issue } from './credentials.js';
import type { FakeState, Reply } from './state.js';
import { isoSeconds } from './xml.js';

export const DEFAULT_CONTAINER_ROLE = 'arn:aws:iam::111111111111:role/fake-task-role';

export function handleContainer(state: FakeState): Reply {
  const now = state.now();
  if (state.containerBucket && !state.containerBucket.take(now)) {
    state.calls.containerRejected++;
    return {
      status: 429,
      endpoint: 'container',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ code: 'TooManyRequests', message: 'Rate exceeded for the task credentials endpoint' }),
    };
  }
  state.calls.container++;
  const roleArn = state.options.containerRoleArn ?? DEFAULT_CONTAINER_ROLE;
  const credentials = issue(state.issued, { now, lifetimeSeconds: state.lifetimeSeconds(), issuedBy: 'container', roleArn, sessionName: 'fake-ecs-task' });
  return {
    status: 200,
    endpoint: 'container',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      AccessKeyId: credentials.accessKeyId,
      SecretAccessKey: credentials.secretAccessKey,
      Token: credentials.sessionToken,
      Expiration: isoSeconds(credentials.expiresAt),
      RoleArn: roleArn,
    }),
  };
}
