// Hands out unique temporary credentials and remembers who they belong to.
import { randomBytes } from 'node:crypto';
import type { IssuedBy, IssuedCredentials } from './types.js';

const BASE32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
let sequence = 0;

function randomChars(count: number, alphabet = BASE32): string {
  const bytes = randomBytes(count);
  let out = '';
  for (const byte of bytes) out += alphabet[byte % alphabet.length];
  return out;
}

/** `ASIA` + 16 characters, unique per call (a process-wide sequence plus randomness). */
function newAccessKeyId(): string {
  sequence++;
  return `ASIA${sequence.toString(32).toUpperCase().padStart(6, '2')}${randomChars(10)}`.slice(0, 20);
}

export function issue(
  issued: Map<string, IssuedCredentials>,
  input: { now: number; lifetimeSeconds: number; issuedBy: IssuedBy; roleArn: string; sessionName: string },
): IssuedCredentials {
  // STS serialises Expiration in whole seconds; keep the record consistent with what clients see.
  const expiresAt = Math.floor((input.now + input.lifetimeSeconds * 1000) / 1000) * 1000;
  const credentials: IssuedCredentials = {
    accessKeyId: newAccessKeyId(),
    secretAccessKey: randomChars(40, 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789'),
    sessionToken: `FakeSessionToken/${randomChars(48)}`,
    expiresAt,
    issuedAt: input.now,
    issuedBy: input.issuedBy,
    roleArn: input.roleArn,
    sessionName: input.sessionName,
  };
  issued.set(credentials.accessKeyId, credentials);
  return credentials;
}

/** `arn:aws:iam::123456789012:role/path/name` -> { account, name }. */
export function parseRoleArn(roleArn: string): { account: string; name: string } {
  const match = roleArn.match(/^arn:aws[\w-]*:iam::(\d{12}):role\/(?:.*\/)?([^/]+)$/);
  return match ? { account: match[1]!, name: match[2]! } : { account: '000000000000', name: roleArn.split('/').pop() || 'unknown' };
}

/** The role id STS reports (`AROA…`), stable per role ARN. */
export function roleId(roleArn: string): string {
  let hash = 0;
  for (const char of roleArn) hash = (hash * 31 + char.charCodeAt(0)) >>> 0;
  return `AROA${hash.toString(32).toUpperCase().padStart(8, 'A')}FAKEROLE`.slice(0, 21);
}
