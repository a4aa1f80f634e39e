// Our own runtime: anything it returns is already shared and auto-refreshing.
export const RUNTIME_WRAPPERS: ReadonlySet<string> = new Set(['cacheCredentials', 'sharedCredentials', 'toV2Credentials']);
