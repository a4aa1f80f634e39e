// Turns a sharedCredentials key into a canonical string: property order does not matter, every
// field counts (nested too), and values of different types never collide. Functions, symbols,
// class instances and cycles are refused, because they have no stable identity across requests.

export function stableKey(key: unknown): string {
  return encode(key, 'key', new Set());
}

function encode(value: unknown, path: string, seen: Set<object>): string {
  switch (typeof value) {
    case 'string':
      return JSON.stringify(value);
    case 'number':
      return Object.is(value, -0) ? 'n:-0' : `n:${value}`;
    case 'boolean':
      return value ? 'true' : 'false';
    case 'undefined':
      return 'undefined';
    case 'bigint':
      return `b:${value}`;
    case 'function':
    case 'symbol':
      throw new TypeError(`sharedCredentials: ${path} is a ${typeof value}; a key may hold only strings, numbers, booleans, null, undefined, Dates, arrays and plain objects.`);
  }
  if (value === null) return 'null';
  const object = value as object;
  if (object instanceof Date) return `d:${object.getTime()}`;
  if (seen.has(object)) throw new TypeError(`sharedCredentials: ${path} refers back to itself; a key must not contain cycles.`);
  seen.add(object);
  try {
    if (Array.isArray(object)) return `[${object.map((item, index) => encode(item, `${path}[${index}]`, seen)).join(',')}]`;
    const prototype = Object.getPrototypeOf(object);
    if (prototype !== Object.prototype && prototype !== null) {
      const kind = (prototype as { constructor?: { name?: string } }).constructor?.name ?? 'object';
      throw new TypeError(`sharedCredentials: ${path} is a ${kind} instance; use a plain object of its identifying fields instead.`);
    }
    if (Object.getOwnPropertySymbols(object).length > 0) {
      throw new TypeError(`sharedCredentials: ${path} has symbol keys; a key may use only string keys.`);
    }
    const fields = Object.keys(object).sort();
    const record = object as Record<string, unknown>;
    return `{${fields.map((field) => `${JSON.stringify(field)}:${encode(record[field], `${path}.${field}`, seen)}`).join(',')}}`;
  } finally {
    seen.delete(object);
  }
}

/** A short FNV-1a hash, so events can tell keys apart without showing them (keys may hold secrets). */
export function keyHash(canonical: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < canonical.length; i++) {
    hash ^= canonical.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return (hash >>> 0).toString(16).padStart(8, '0');
}
