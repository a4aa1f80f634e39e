// Environment variables that point the AWS SDKs at a fake, and a way to apply them for one test file.
import type { FakeAws } from './types.js';

/** Long-term base credentials for the STS caller (an `AKIA` key: the fake treats it as a user). */
export const BASE_ACCESS_KEY_ID = 'AKIAFAKEBASE00000000';
const BASE_SECRET_ACCESS_KEY = 'fake-base-secret-access-key-0000000000000';
const REGION = 'us-east-1';

export interface EnvOptions {
  /** Put the base credentials in AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY (default true). */
  readonly baseCredentials?: boolean;
  /** Set AWS_CONTAINER_CREDENTIALS_FULL_URI to the fake's container endpoint (default false). */
  readonly container?: boolean;
  /** Point IMDS at the fake (default true); false sets AWS_EC2_METADATA_DISABLED. */
  readonly imds?: boolean;
}

/**
 * AWS_ENDPOINT_URL reaches every v3 client, including the STS client that fromTemporaryCredentials
 * builds inside. aws-sdk v2 ignores it: pass `endpoint: fake.url` to v2 clients.
 * Config files are pointed at paths that do not exist so a developer's ~/.aws never leaks in.
 */
export function env(fake: FakeAws, options: EnvOptions = {}): Record<string, string> {
  const vars: Record<string, string> = {
    AWS_ENDPOINT_URL: fake.url,
    AWS_REGION: REGION,
    AWS_DEFAULT_REGION: REGION,
    AWS_CONFIG_FILE: '/nonexistent/fake-aws/config',
    AWS_SHARED_CREDENTIALS_FILE: '/nonexistent/fake-aws/credentials',
    AWS_STS_REGIONAL_ENDPOINTS: 'regional',
  };
  if (options.baseCredentials ?? true) {
    vars.AWS_ACCESS_KEY_ID = BASE_ACCESS_KEY_ID;
    vars.AWS_SECRET_ACCESS_KEY = BASE_SECRET_ACCESS_KEY;
  }
  if (options.container) vars.AWS_CONTAINER_CREDENTIALS_FULL_URI = fake.containerUri;
  if (options.imds ?? true) vars.AWS_EC2_METADATA_SERVICE_ENDPOINT = fake.url;
  else vars.AWS_EC2_METADATA_DISABLED = 'true';
  return vars;
}

/**
 * Removes every AWS_* variable, sets `vars`, and returns a function that restores the previous
 * environment exactly.
 */
export function applyEnv(vars: Record<string, string>): () => void {
  const saved = Object.entries(process.env).filter(([name]) => name.startsWith('AWS_'));
  for (const [name] of saved) delete process.env[name];
  Object.assign(process.env, vars);
  return () => {
    for (const name of Object.keys(process.env)) if (name.startsWith('AWS_')) delete process.env[name];
    for (const [name, value] of saved) process.env[name] = value;
  };
}
