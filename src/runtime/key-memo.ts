// The registry's lookup of a flat key built per request (`{ source, roleArn, sessionName, region }`):
// stableKey would build and hash a ~100-character string on every call. This memo walks a trie of
// Maps keyed by the field names and values themselves (strings from code are interned, their hashes
// cached), and returns the canonical string stableKey gave when the key was first seen: the same
// string object each time, so the registry's Map finds it without hashing it again.
import { stableKey } from './stable-key.js';

/**
 * Alternating levels: a field name, then that field's value, then the next field name... Each node
 * also remembers the part it was last left by: a service uses one key shape, often the same values,
 * so most steps are one comparison instead of a Map lookup.
 */
interface TrieNode {
  next: Map<unknown, TrieNode> | undefined;
  lastPart: unknown;
  lastChild: TrieNode | undefined;
  canonical?: string;
}

function newNode(): TrieNode {
  return { next: undefined, lastPart: undefined, lastChild: undefined };
}

/**
 * Distinct flat keys remembered before the memo starts over: ten times the registry's default
 * size. Past it (keys with unbounded values) the memo is dropped and rebuilt, so it never grows
 * without end; stableKey alone still answers correctly.
 */
const KEY_MEMO_MAX_KEYS = 10_000;
/** Fields a memoised key may have; wider keys take stableKey directly. */
const KEY_MEMO_MAX_FIELDS = 16;

let trie: TrieNode = newNode();
let remembered = 0;

/** Values the trie may key on: the Map's SameValueZero agrees with stableKey's equality for them. */
function memoisable(value: unknown): boolean {
  const type = typeof value;
  if (type === 'string' || type === 'boolean' || type === 'undefined' || value === null) return true;
  // -0 and 0 are one Map key but two stableKeys.
  return type === 'number' && !Object.is(value, -0);
}

function child(node: TrieNode, part: unknown): TrieNode {
  if (node.lastChild !== undefined && node.lastPart === part) return node.lastChild;
  node.next ??= new Map();
  let found = node.next.get(part);
  if (found === undefined) {
    found = newNode();
    node.next.set(part, found);
  }
  node.lastPart = part;
  node.lastChild = found;
  return found;
}

/** stableKey(key), answered from the memo for flat plain objects of primitives. */
export function canonicalKey(key: unknown): string {
  if (typeof key !== 'object' || key === null || Array.isArray(key)) return stableKey(key);
  const prototype = Object.getPrototypeOf(key) as object | null;
  if (prototype !== Object.prototype && prototype !== null) return stableKey(key);
  const record = key as Record<string, unknown>;
  const fields = Object.keys(record);
  if (fields.length > KEY_MEMO_MAX_FIELDS) return stableKey(key);
  // Fields in the key's own order, unsorted: the same fields in another order take another path
  // to the same canonical string (stableKey sorts), which costs memory only, not correctness.
  let node = trie;
  for (let i = 0; i < fields.length; i++) {
    const field = fields[i]!;
    const value = record[field];
    if (!memoisable(value)) return stableKey(key);
    // Field levels hold only names, value levels only values: a name never meets a value.
    node = child(child(node, field), value);
  }
  if (node.canonical !== undefined) return node.canonical;
  // First time: the full encoding, which also refuses symbol keys. (A later key with the same
  // string fields plus a symbol one is not re-checked: symbols are no part of the encoding.)
  const canonical = stableKey(key);
  if (remembered >= KEY_MEMO_MAX_KEYS) {
    trie = newNode();
    remembered = 0;
    return canonical;
  }
  node.canonical = canonical;
  remembered++;
  return canonical;
}
