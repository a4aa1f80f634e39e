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
  if (stack === undefined) return [];
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
  return application.length > 0 ? application : libraries.slice(-count).reverse();
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
