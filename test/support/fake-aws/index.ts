// A fake AWS endpoint server for tests, examples and end-to-end runs: STS (awsQuery), the ECS
// container credentials endpoint, IMDSv2 and generic service answers, on 127.0.0.1 only.
export { startFakeAws } from './server.js';
export { env, applyEnv, BASE_ACCESS_KEY_ID } from './env.js';
export { DEFAULT_CONTAINER_ROLE } from './container.js';
export { DEFAULT_INSTANCE_ROLE } from './imds.js';
export { sleep, runPool, repeatFor, rejections, values, errorCodes } from './load.js';
export type { FakeAws } from './types.js';
