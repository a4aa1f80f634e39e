// Reads named fields from a request body without decoding the others: a Query (form) body or a
// JSON body. WebIdentityToken, SAMLAssertion, Logins and the like are skipped, never decoded or kept.

/** The values of `wanted` in an `a=1&b=2` form body; other pairs are passed over undecoded. */
export function queryFields(body: string, wanted: ReadonlySet<string>): Map<string, string> {
  const found = new Map<string, string>();
  let start = 0;
  while (start < body.length && found.size < wanted.size) {
    const amp = body.indexOf('&', start);
    const end = amp === -1 ? body.length : amp;
    const eq = body.indexOf('=', start);
    if (eq !== -1 && eq < end) {
      const name = body.slice(start, eq);
      if (wanted.has(name)) found.set(name, decodeFormValue(body.slice(eq + 1, end)));
    }
    start = end + 1;
  }
  return found;
}

function decodeFormValue(value: string): string {
  try {
    return decodeURIComponent(value.replace(/\+/g, ' '));
  } catch {
    return value;
  }
}

/** String or number values of top-level-looking `"Name": value` pairs for the names in `wanted`. */
export function jsonFields(body: string, wanted: ReadonlySet<string>): Map<string, string> {
  const found = new Map<string, string>();
  for (const name of wanted) {
    const match = new RegExp(`"${name}"\\s*:\\s*(?:"((?:[^"\\\\]|\\\\.){0,2048})"|(-?\\d+(?:\\.\\d+)?))`).exec(body);
    if (match) found.set(name, match[1] ?? match[2] ?? '');
  }
  return found;
}
