// Turns a sharedCredentials key into a canonical string: property order does not matter, every
// field counts (nested too), and values of different types never collide. Functions, symbols,
// class instances and cycles are refused: they have no stable identity across requests, so two
// "equal" keys could mean different credentials (or equal credentials could never share).
//
// Grammar (unambiguous): strings as JSON strings; `n:<number>` (with -0 and NaN kept apart);
// `b:<bigint>`; `d:<ms>` for Dates; true, false, null, undefined; `[...]` arrays (holes as `hole`);
// `{"field":value,...}` objects with fields sorted.

const ALLOWED = 'a key may hold only strings, numbers, bigints, booleans, null, undefined, Dates, arrays and plain objects';

function refuse(path: string, what: string): never {
  throw new TypeError(`sharedCredentials: ${path} ${what}; ${ALLOWED}.`);
}

/** A Date from any realm (vm contexts, iframes): only real Dates have the internal time slot. */
function isDate(value: object): value is Date {
  if (value instanceof Date) return true;
  try {
    Date.prototype.getTime.call(value);
    return true;
  } catch {
    return false;
  }
}

function encodeArray(array: readonly unknown[], path: string, seen: Set<object>): string {
  const indexKeys = array.length;
  if (Object.keys(array).some((field) => !(String(Number(field)) === field && Number(field) < indexKeys))) {
    refuse(path, 'is an array with extra properties');
  }
  const parts: string[] = [];
  for (let index = 0; index < array.length; index++) {
    parts.push(index in array ? encode(array[index], `${path}[${index}]`, seen) : 'hole');
  }
  return `[${parts.join(',')}]`;
}

function encodeObject(object: object, path: string, seen: Set<object>): string {
  if (Object.getOwnPropertySymbols(object).length > 0) refuse(path, 'has symbol keys');
  const record = object as Record<string, unknown>;
  const fields = Object.keys(record).sort();
  return `{${fields.map((field) => `${JSON.stringify(field)}:${encode(record[field], `${path}.${field}`, seen)}`).join(',')}}`;
}

function encode(value: unknown, path: string, seen: Set<object>): string {
  switch (typeof value) {
    case 'string':
      return JSON.stringify(value);
    case 'number':
      return Object.is(value, -0) ? 'n:-0' : `n:${value}`;
    case 'bigint':
      return `b:${value}`;
    case 'boolean':
      return value ? 'true' : 'false';
    case 'undefined':
      return 'undefined';
    case 'function':
      return refuse(path, 'is a function (key the provider by its inputs, not by the provider itself)');
    case 'symbol':
      return refuse(path, 'is a symbol');
  }
  if (value === null) return 'null';
  const object = value as object;
  const isArray = Array.isArray(object);
  const prototype = Object.getPrototypeOf(object) as object | null;
  if (!isArray && prototype !== Object.prototype && prototype !== null) {
    if (isDate(object)) return `d:${Date.prototype.getTime.call(object)}`;
    const kind = (prototype as { constructor?: { name?: string } }).constructor?.name || 'object';
    refuse(path, `is a ${kind} instance (use a plain object of its identifying fields)`);
  }
  if (seen.has(object)) refuse(path, 'refers back to itself (a key must not contain cycles)');
  seen.add(object);
  try {
    return isArray ? encodeArray(object as unknown[], path, seen) : encodeObject(object, path, seen);
  } finally {
    seen.delete(object);
  }
}

/**
 * The canonical string for a sharedCredentials key. Equal for the same data whatever the property
 * order; different whenever any field, at any depth, differs in value or type. Throws a TypeError
 * naming the offending path for functions, symbols, class instances (other than Date) and cycles.
 */
export function stableKey(key: unknown): string {
  return encode(key, 'key', new Set());
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
