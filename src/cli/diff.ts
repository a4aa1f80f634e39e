// A unified diff (`diff -u` format, 3 lines of context) of one file's old and new text.
// Common prefix and suffix are trimmed first, then the middle is compared by LCS; a middle too
// large for that is shown as one replaced block (still a correct diff, just not minimal).

const CONTEXT = 3;
const MAX_LCS_CELLS = 4_000_000;

type Op = { readonly kind: ' ' | '-' | '+'; readonly line: string };

function splitLines(text: string): string[] {
  if (text === '') return [];
  const lines = text.split('\n');
  if (lines[lines.length - 1] === '') lines.pop();
  return lines;
}

function middleOps(a: readonly string[], b: readonly string[]): Op[] {
  if (a.length * b.length > MAX_LCS_CELLS) {
    return [...a.map(line => ({ kind: '-' as const, line })), ...b.map(line => ({ kind: '+' as const, line }))];
  }
  const width = b.length + 1;
  const table = new Uint32Array((a.length + 1) * width);
  for (let i = a.length - 1; i >= 0; i -= 1) {
    for (let j = b.length - 1; j >= 0; j -= 1) {
      table[i * width + j] = a[i] === b[j] ? table[(i + 1) * width + j + 1]! + 1 : Math.max(table[(i + 1) * width + j]!, table[i * width + j + 1]!);
    }
  }
  const ops: Op[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    if (a[i] === b[j]) {
      ops.push({ kind: ' ', line: a[i]! });
      i += 1;
      j += 1;
    } else if (table[(i + 1) * width + j]! >= table[i * width + j + 1]!) {
      ops.push({ kind: '-', line: a[i]! });
      i += 1;
    } else {
      ops.push({ kind: '+', line: b[j]! });
      j += 1;
    }
  }
  while (i < a.length) ops.push({ kind: '-', line: a[i++]! });
  while (j < b.length) ops.push({ kind: '+', line: b[j++]! });
  return ops;
}

function lineOps(a: readonly string[], b: readonly string[]): Op[] {
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) start += 1;
  let endA = a.length;
  let endB = b.length;
  while (endA > start && endB > start && a[endA - 1] === b[endB - 1]) {
    endA -= 1;
    endB -= 1;
  }
  return [
    ...a.slice(0, start).map(line => ({ kind: ' ' as const, line })),
    ...middleOps(a.slice(start, endA), b.slice(start, endB)),
    ...a.slice(endA).map(line => ({ kind: ' ' as const, line })),
  ];
}

const NO_NEWLINE = '\\ No newline at end of file';
const noNewline = (text: string): boolean => text !== '' && !text.endsWith('\n');

/** `--- a/<file>` (`/dev/null` for a new file) / `+++ b/<file>` and its hunks; empty when the texts are equal. */
export function unifiedDiff(file: string, original: string | undefined, after: string): string {
  const before = original ?? '';
  if (original !== undefined && before === after) return '';
  const ops = lineOps(splitLines(before), splitLines(after));
  const out = [original === undefined ? '--- /dev/null' : `--- a/${file}`, `+++ b/${file}`];
  const changed = ops.map(op => op.kind !== ' ');
  let index = 0;
  while (index < ops.length) {
    if (!changed[index]) {
      index += 1;
      continue;
    }
    // A hunk: from CONTEXT lines before this change to CONTEXT lines after the last change that
    // is at most 2*CONTEXT unchanged lines away.
    const hunkStart = Math.max(0, index - CONTEXT);
    let last = index;
    for (let probe = index + 1; probe < ops.length && probe <= last + 2 * CONTEXT; probe += 1) {
      if (changed[probe]) last = probe;
    }
    const hunkEnd = Math.min(ops.length, last + CONTEXT + 1);
    let oldLine = 1;
    let newLine = 1;
    for (let k = 0; k < hunkStart; k += 1) {
      if (ops[k]!.kind !== '+') oldLine += 1;
      if (ops[k]!.kind !== '-') newLine += 1;
    }
    const slice = ops.slice(hunkStart, hunkEnd);
    const lastHunk = hunkEnd === ops.length;
    const oldCount = slice.filter(op => op.kind !== '+').length;
    const newCount = slice.filter(op => op.kind !== '-').length;
    out.push(`@@ -${oldCount === 0 ? oldLine - 1 : oldLine},${oldCount} +${newCount === 0 ? newLine - 1 : newLine},${newCount} @@`);
    // `\ No newline at end of file` follows the last line of a side that lacks one.
    const oldLast = lastHunk && noNewline(before) ? slice.map(op => op.kind).lastIndexOf(' ') : -1;
    const lastRemoved = slice.map(op => op.kind).lastIndexOf('-');
    const oldEnd = lastHunk && noNewline(before) ? Math.max(oldLast, lastRemoved) : -1;
    const lastAdded = slice.map(op => op.kind).lastIndexOf('+');
    const newEnd = lastHunk && noNewline(after) ? Math.max(slice.map(op => op.kind).lastIndexOf(' '), lastAdded) : -1;
    slice.forEach((op, position) => {
      out.push(`${op.kind}${op.line}`);
      if (position === oldEnd || (position === newEnd && position !== oldEnd)) out.push(NO_NEWLINE);
    });
    index = hunkEnd;
  }
  return `${out.join('\n')}\n`;
}
