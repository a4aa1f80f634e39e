// A table of ways to find credentials, tried in order on every call.
import { fromIni, fromSSO } from '@aws-sdk/credential-providers';

export async function findCredentials(profile?: string) {
  const sources = [
    { label: 'shared files', load: () => fromIni({ profile })() },
    { label: 'sso', load: () => fromSSO({ profile })() },
  ];
  for (const source of sources) {
    try {
      return await source.load();
    } catch {
      continue;
    }
  }
  return undefined;
}
