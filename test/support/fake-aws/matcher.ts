// RoleMatcher -> predicate.
import type { RoleMatcher } from './types.js';

export function matchesRole(matcher: RoleMatcher | undefined, roleArn: string): boolean {
  if (matcher === undefined) return false;
  if (typeof matcher === 'string') return matcher === roleArn;
  if (typeof matcher === 'function') return matcher(roleArn);
  if (matcher instanceof RegExp) return matcher.test(roleArn);
  if (matcher instanceof Set) return matcher.has(roleArn);
  return (matcher as readonly string[]).includes(roleArn);
}
