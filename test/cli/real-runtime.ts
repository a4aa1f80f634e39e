// The package's real runtime bundled for vendoring (scripts/vendor-runtime.mjs, as `npm run
// build` does), into a temp folder keyed by the runtime's sources, so the vendoring specs do not
// depend on a fresh build and test processes share one bundle.
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildVendoredRuntime, VENDORED_FILES } from '../../scripts/vendor-runtime.mjs';
import { tempDir } from './helpers.js';

const ROOT = join(__dirname, '..', '..');

function sourcesHash(): string {
  const hash = createHash('sha256');
  const runtime = join(ROOT, 'src', 'runtime');
  for (const name of readdirSync(runtime).sort()) hash.update(name).update(readFileSync(join(runtime, name)));
  hash.update(readFileSync(join(ROOT, 'scripts', 'vendor-runtime.mjs')));
  return hash.digest('hex').slice(0, 16);
}

let built: string | undefined;

/** A folder holding the built vendored runtime files. */
export function compiledRuntime(): string {
  if (built) return built;
  const target = join(tmpdir(), `aws-credentials-vendored-${sourcesHash()}`);
  const complete = (dir: string) => Object.values(VENDORED_FILES).every(file => existsSync(join(dir, file)));
  if (!complete(target)) {
    const scratch = buildVendoredRuntime(ROOT, tempDir('aws-credentials-vendoring-'));
    try {
      renameSync(scratch, target);
    } catch {
      rmSync(scratch, { recursive: true, force: true }); // another process got there first
    }
  }
  return (built = target);
}
