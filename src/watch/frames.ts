// Turns a captured stack into application frames: node internals, node_modules and the watch's
// own files are dropped; paths under the working directory are shown relative to it. With
// --enable-source-maps Node maps the stack before it gets here, so frames name the source files.
// V8's async stacks follow native `await` only: a library compiled to generators (`__awaiter`)
// ends the chain inside node_modules. Then the outermost library frames are what is known, and
// are returned instead, marked as such.
import { fileURLToPath } from 'node:url';
import { dirname, relative, sep } from 'node:path';

const FRAME = /^\s*at (?:async )?(?:(.+?) \()?(.+?):(\d+):(\d+)\)?$/;
const OWN_DIRECTORY = ownDirectory();

export function applicationFrames(stack: string | undefined, cwd: string, count: number): string[] {
  return framesOf(stack, cwd, count).frames;
}

/**
 * The first `count` application frames of `stack`, or when it has none its outermost library frames
 * (`library: true`, each shown as `(library) node_modules/…`).
 */
export function framesOf(stack: string | undefined, cwd: string, count: number): { frames: string[]; library: boolean } {
  if (stack === undefined) return { frames: [], library: false };
  const application: string[] = [];
  const libraries: string[] = [];
  for (const line of stack.split('\n')) {
    const match = FRAME.exec(line);
    if (!match) continue;
    const [, name, location, row, column] = match;
    const file = pathOf(location!);
    if (file === undefined || file.startsWith(OWN_DIRECTORY + sep)) continue;
    const library = file.lastIndexOf(`${sep}node_modules${sep}`);
    const shown = library !== -1 ? `(library) ${file.slice(library + 1)}` : file.startsWith(cwd + sep) ? relative(cwd, file) : file;
    (library === -1 ? application : libraries).push(`${shown}:${row}:${column}${name ? ` (${name})` : ''}`);
    if (application.length === count) break;
  }
  return application.length > 0 ? { frames: application, library: false } : { frames: libraries.slice(-count).reverse(), library: libraries.length > 0 };
}

/** Whether a call site's file (a path or a file: URL) is application code: not Node's, a library's or the watch's. */
export function isApplicationFile(location: string): boolean {
  const file = pathOf(location);
  return file !== undefined && !file.startsWith(OWN_DIRECTORY + sep) && !file.includes(`${sep}node_modules${sep}`);
}

function pathOf(location: string): string | undefined {
  if (location.startsWith('file://')) {
    try {
      return fileURLToPath(location);
    } catch {
      return undefined;
    }
  }
  return location.startsWith('/') || /^[A-Za-z]:[\\/]/.test(location) ? location : undefined;
}

/** The directory of this file, found from a stack (works compiled to ESM and to CommonJS). */
function ownDirectory(): string {
  const holder: { stack?: string } = {};
  Error.captureStackTrace(holder, ownDirectory);
  const here = FRAME.exec(holder.stack?.split('\n')[1] ?? '');
  const file = here ? pathOf(here[2]!) : undefined;
  return file === undefined ? '\0' : dirname(file);
}
