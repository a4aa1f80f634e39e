// Turns a sharedCredentials key into a canonical string: property order does not matter, every
// field counts (nested too), and values of different types never collide. Functions, symbols,
// class instances and cycles are refused: they have no stable identity across requests, so two
// "equal" keys could mean different credentials (or equal credentials could never share).
//
// Grammar (unambiguous, and cheap: strings are length-prefixed, not escaped): `s<length>:<text>`;
// `n:<number>` (-0 and NaN kept apart); `b:<bigint>`; `d:<ms>` for Dates; true, false, null,
// undefined; `[a,b]` arrays (holes as `hole`); `{<length>:<field>=value,...}` objects, fields sorted.

const ALLOWED = 'a key may hold only strings, numbers, bigints, booleans, null, undefined, Dates, arrays and plain objects';

/**
 * Where the encoder is: the objects being encoded (for cycle detection) and the path to them (for
 * error messages, joined only when an error is raised, so the common case allocates no paths).
 */
interface Walk {
  readonly ancestors: object[];
  readonly path: (string | number)[];
}

function pathOf(walk: Walk): string {
  let text = 'key';
  for (const segment of walk.path) text += typeof segment === 'number' ? `[${segment}]` : `.${segment}`;
  return text;
}

function refuse(walk: Walk, what: string): never {
  throw new TypeError(`sharedCredentials: ${pathOf(walk)} ${what}; ${ALLOWED}.`);
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

function encodeArray(array: readonly unknown[], walk: Walk): string {
  if (Object.keys(array).length !== array.length - countHoles(array)) refuse(walk, 'is an array with extra properties');
  let out = '[';
  for (let index = 0; index < array.length; index++) {
    if (index > 0) out += ',';
    walk.path.push(index);
    out += index in array ? encode(array[index], walk) : 'hole';
    walk.path.pop();
  }
  return `${out}]`;
}

function countHoles(array: readonly unknown[]): number {
  let holes = 0;
  for (let index = 0; index < array.length; index++) if (!(index in array)) holes++;
  return holes;
}

function encodeObject(object: object, walk: Walk): string {
  if (Object.getOwnPropertySymbols(object).length > 0) refuse(walk, 'has symbol keys');
  const record = object as Record<string, unknown>;
  const fields = Object.keys(record).sort();
  let out = '{';
  for (let i = 0; i < fields.length; i++) {
    const field = fields[i]!;
    if (i > 0) out += ',';
    walk.path.push(field);
    out += `${field.length}:${field}=${encode(record[field], walk)}`;
    walk.path.pop();
  }
  return `${out}}`;
}

function encode(value: unknown, walk: Walk): string {
  switch (typeof value) {
    case 'string':
      return `s${value.length}:${value}`;
    case 'number':
      return Object.is(value, -0) ? 'n:-0' : `n:${value}`;
    case 'bigint':
      return `b:${value}`;
    case 'boolean':
      return value ? 'true' : 'false';
    case 'undefined':
      return 'undefined';
    case 'function':
      return refuse(walk, 'is a function (key the provider by its inputs, not by the provider itself)');
    case 'symbol':
      return refuse(walk, 'is a symbol');
  }
  if (value === null) return 'null';
  const object = value as object;
  const isArray = Array.isArray(object);
  if (!isArray) {
    const prototype = Object.getPrototypeOf(object) as object | null;
    if (prototype !== Object.prototype && prototype !== null) {
      if (isDate(object)) return `d:${Date.prototype.getTime.call(object)}`;
      const kind = (prototype as { constructor?: { name?: string } }).constructor?.name || 'object';
      refuse(walk, `is a ${kind} instance (use a plain object of its identifying fields)`);
    }
  }
  if (walk.ancestors.includes(object)) refuse(walk, 'refers back to itself (a key must not contain cycles)');
  walk.ancestors.push(object);
  const encoded = isArray ? encodeArray(object as unknown[], walk) : encodeObject(object, walk);
  walk.ancestors.pop();
  return encoded;
}

/**
 * The canonical string for a sharedCredentials key. Equal for the same data whatever the property
 * order; different whenever any field, at any depth, differs in value or type. Throws a TypeError
 * naming the offending path for functions, symbols, class instances (other than Date) and cycles.
 */
export function stableKey(key: unknown): string {
  // Plain string keys (the common hand-written case) skip the walk.
  if (typeof key === 'string') return `s${key.length}:${key}`;
  return flatObjectKey(key) ?? encode(key, { ancestors: [], path: [] });
}

/** Fields of a flat key the fast path sorts itself; more go through the full walk. */
const FLAT_KEY_MAX_FIELDS = 16;

/** The encoding of one primitive value, or undefined for anything the full walk must judge. */
function primitiveKey(value: unknown): string | undefined {
  switch (typeof value) {
    case 'string':
      return `s${value.length}:${value}`;
    case 'number':
      return Object.is(value, -0) ? 'n:-0' : `n:${value}`;
    case 'boolean':
      return value ? 'true' : 'false';
    case 'undefined':
      return 'undefined';
  }
  return value === null ? 'null' : undefined;
}

/**
 * The codemod's keys are flat objects of strings (`{ source, roleArn, sessionName, region }`),
 * built per request: this path encodes them exactly as encode() would, without its bookkeeping
 * (path, ancestors, a sorted copy by Array#sort), and gives up (undefined) on anything else.
 */
function flatObjectKey(key: unknown): string | undefined {
  if (typeof key !== 'object' || key === null || Array.isArray(key)) return undefined;
  const prototype = Object.getPrototypeOf(key) as object | null;
  if (prototype !== Object.prototype && prototype !== null) return undefined;
  const fields = Object.keys(key);
  if (fields.length > FLAT_KEY_MAX_FIELDS || Object.getOwnPropertySymbols(key).length > 0) return undefined;
  // Insertion sort: a handful of fields, in the order Array#sort would give (UTF-16 code units).
  for (let i = 1; i < fields.length; i++) {
    const field = fields[i]!;
    let j = i - 1;
    while (j >= 0 && fields[j]! > field) {
      fields[j + 1] = fields[j]!;
      j--;
    }
    fields[j + 1] = field;
  }
  const record = key as Record<string, unknown>;
  let out = '{';
  for (let i = 0; i < fields.length; i++) {
    const field = fields[i]!;
    const value = primitiveKey(record[field]);
    if (value === undefined) return undefined;
    out += `${i > 0 ? ',' : ''}${field.length}:${field}=${value}`;
  }
  return `${out}}`;
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
