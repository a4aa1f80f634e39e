// Shared by the watch tests: a recognisable web-identity token and a search for leaked secrets.
import type { FakeAws } from '../support/fake-aws/index.js';

export const WEB_IDENTITY_TOKEN = 'eyJhbGciOiJSUzI1NiJ9.WATCH-TEST-WEB-IDENTITY-TOKEN-never-print.c2ln';

/** Every secret the fake handed out, and the web-identity token, that occurs in `text`. */
export function secretsIn(text: string, fake: Pick<FakeAws, 'issued'>): string[] {
  const secrets = [WEB_IDENTITY_TOKEN, 'WATCH-TEST-WEB-IDENTITY-TOKEN'];
  for (const issued of fake.issued.values()) secrets.push(issued.secretAccessKey, issued.sessionToken);
  return secrets.filter((secret) => text.includes(secret));
}
