// What our objects show of themselves in `util.inspect` and logs: labels and stats, never secrets.
import type { CacheStats } from './types.js';

export function redactedInspect(type: string, label: string, stats: CacheStats): string {
  const expiration = stats.expiration ? ` expiration=${stats.expiration.toISOString()}` : '';
  const key = stats.accessKeyId ? ` accessKeyId=${stats.accessKeyId}` : '';
  return `${type} { ${label} state=${stats.state}${key}${expiration} sourceCalls=${stats.sourceCalls} }`;
}
