// The environment variables that configure the watch loaded with --import / -r / NODE_OPTIONS.

export interface WatchSettings {
  /** `off`: not started; `fail`: exit code 1 when an identity is over budget; `report`: table only. */
  readonly mode: 'off' | 'report' | 'fail';
  /** AWS_CREDENTIALS_WATCH_JSON, with `%p` replaced by the process id. */
  readonly jsonFile: string | undefined;
  /** AWS_CREDENTIALS_WATCH_DEEP=1: follow the async ancestry to application frames (costs a hook). */
  readonly deep: boolean;
}

export function readSettings(env: NodeJS.ProcessEnv = process.env): WatchSettings {
  const value = (env.AWS_CREDENTIALS_WATCH ?? '').trim().toLowerCase();
  const mode = value === 'off' || value === '0' || value === 'false' ? 'off' : value === 'fail' ? 'fail' : 'report';
  const json = env.AWS_CREDENTIALS_WATCH_JSON?.trim();
  const deep = ['1', 'true', 'on', 'yes'].includes((env.AWS_CREDENTIALS_WATCH_DEEP ?? '').trim().toLowerCase());
  return { mode, jsonFile: json ? json.replace(/%p/g, String(process.pid)) : undefined, deep };
}
