// A doubly linked list of registry entries, least recently handed out first: moving an entry to
// the end and dropping the first are O(1). (A Map used first-in-first-out through keys().next()
// slows down after many deletes in V8, as the iterator skips the deleted slots; a list stays flat.)
// Nodes are plain objects, so the ESM and CommonJS builds can share one list (registry.ts).

export interface RecencyNode<T> {
  readonly key: string;
  readonly value: T;
  prev: RecencyNode<T> | undefined;
  next: RecencyNode<T> | undefined;
  /** False once removed: a removed node is never linked again. */
  linked: boolean;
}

export interface RecencyList<T> {
  head: RecencyNode<T> | undefined;
  tail: RecencyNode<T> | undefined;
}

export function newRecencyList<T>(): RecencyList<T> {
  return { head: undefined, tail: undefined };
}

export function appendNode<T>(list: RecencyList<T>, key: string, value: T): RecencyNode<T> {
  const node: RecencyNode<T> = { key, value, prev: list.tail, next: undefined, linked: true };
  if (list.tail) list.tail.next = node;
  else list.head = node;
  list.tail = node;
  return node;
}

export function unlinkNode<T>(list: RecencyList<T>, node: RecencyNode<T>): void {
  if (!node.linked) return;
  if (node.prev) node.prev.next = node.next;
  else list.head = node.next;
  if (node.next) node.next.prev = node.prev;
  else list.tail = node.prev;
  node.prev = undefined;
  node.next = undefined;
  node.linked = false;
}

/** Moves `node` to the end (most recently used). */
export function moveToEnd<T>(list: RecencyList<T>, node: RecencyNode<T>): void {
  if (!node.linked || list.tail === node) return;
  if (node.prev) node.prev.next = node.next;
  else list.head = node.next;
  node.next!.prev = node.prev;
  node.prev = list.tail;
  node.next = undefined;
  list.tail!.next = node;
  list.tail = node;
}

/**
 * Empties the list and detaches every node, as unlinkNode does one: a node still referenced from
 * outside (a held provider's dispose) is no longer linked, so it can neither reach into the list
 * again nor keep its former neighbours alive.
 */
export function clearList<T>(list: RecencyList<T>): void {
  let node = list.head;
  list.head = undefined;
  list.tail = undefined;
  while (node !== undefined) {
    const next = node.next;
    node.prev = undefined;
    node.next = undefined;
    node.linked = false;
    node = next;
  }
}
