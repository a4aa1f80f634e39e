// Finds the Expiration field in a credentials response as it streams past, and nothing else:
// the scan looks for the field's name and reads only the characters of its value. At most a short
// tail of the previous chunk is kept, to find a name split across chunks, and only until the end.

const XML = '<Expiration>';
const JSON_NAMES = ['"Expiration"', '"expiration"'];
/** Longer than any field name plus its value, so a name or value split across chunks is found. */
const TAIL = 64;

export class ExpirationScanner {
  private tail = '';
  /** ms since the epoch once found. */
  expiresAt: number | undefined;

  feed(chunk: string): void {
    if (this.expiresAt !== undefined) return;
    const text = this.tail + chunk;
    this.expiresAt = parseXml(text) ?? parseJson(text);
    this.tail = this.expiresAt === undefined ? text.slice(-TAIL) : '';
  }

  end(): void {
    this.tail = '';
  }
}

function parseXml(text: string): number | undefined {
  const at = text.indexOf(XML);
  if (at === -1) return undefined;
  const close = text.indexOf('<', at + XML.length);
  if (close === -1) return undefined;
  return dateOf(text.slice(at + XML.length, close));
}

function parseJson(text: string): number | undefined {
  for (const name of JSON_NAMES) {
    const at = text.indexOf(name);
    if (at === -1) continue;
    const match = /^\s*:\s*(?:"([^"]{1,40})"|(\d{1,16}(?:\.\d+)?))/.exec(text.slice(at + name.length, at + name.length + TAIL));
    if (!match) continue;
    if (match[1] !== undefined) return dateOf(match[1]);
    // Cognito sends epoch seconds, SSO epoch milliseconds.
    const value = Number(match[2]);
    return value > 1e11 ? value : value * 1000;
  }
  return undefined;
}

function dateOf(text: string): number | undefined {
  const value = Date.parse(text.trim());
  return Number.isNaN(value) ? undefined : value;
}
