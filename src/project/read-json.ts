// Reads package.json / tsconfig.json files as the tools do (tsconfig allows comments and trailing
// commas), once per process per path and mtime. A file that does not read or parse is `undefined`.
import { readFileSync, statSync } from 'node:fs';

const cache = new Map<string, { mtimeMs: number; value: unknown }>();

/** JSON with `//` and block comments and trailing commas, as tsconfig.json allows. */
function parseJsonc(text: string): unknown {
  let out = '';
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const char = text[i]!;
    if (inString) {
      out += char;
      if (char === '\\') out += text[++i] ?? '';
      else if (char === '"') inString = false;
    } else if (char === '"') {
      inString = true;
      out += char;
    } else if (char === '/' && text[i + 1] === '/') {
      while (i < text.length && text[i] !== '\n') i++;
      out += '\n';
    } else if (char === '/' && text[i + 1] === '*') {
      i = text.indexOf('*/', i + 2);
      if (i < 0) break;
      i++;
    } else out += char;
  }
  return JSON.parse(out.replace(/,(\s*[}\]])/g, '$1'));
}

export function readJson(path: string): unknown {
  let mtimeMs: number;
  try {
    mtimeMs = statSync(path).mtimeMs;
  } catch {
    return undefined;
  }
  const known = cache.get(path);
  if (known && known.mtimeMs === mtimeMs) return known.value;
  let value: unknown;
  try {
    value = parseJsonc(readFileSync(path, 'utf8'));
  } catch {
    value = undefined;
  }
  cache.set(path, { mtimeMs, value });
  return value;
}
