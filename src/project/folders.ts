// One step of a repository scan: what a folder holds, and which of its sub-folders a scan enters
// (not dependencies, build output, VCS data or other dot-folders).
import { type Dirent, readdirSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Folders that hold no source of the project: dependencies and package-manager stores, build and
 * deploy output, caches of build tools and frameworks, test coverage, VCS data. `scan` and `fix`
 * skip them too (src/cli/files.ts), even when git lists files in them.
 */
export const SKIPPED_FOLDERS: ReadonlySet<string> = new Set([
  // Dependencies and package-manager stores.
  'node_modules', 'bower_components', 'jspm_packages', '.yarn', '.pnpm-store', '.pnpm',
  // Build and deploy output.
  'dist', 'build', 'out', 'cdk.out', '.aws-sam', '.serverless', '.webpack', '.esbuild', '.output', '.vercel', '.netlify', 'storybook-static',
  // Framework and build-tool caches.
  '.next', '.nuxt', '.svelte-kit', '.angular', '.docusaurus', '.expo', '.nx', '.turbo', '.parcel-cache', '.vite', '.cache', '.terraform',
  // Test coverage, VCS data.
  'coverage', '.nyc_output', '.git', '.hg', '.svn',
]);

export interface FolderContents {
  /** Full paths of the sub-folders a scan enters. */
  readonly folders: readonly string[];
  /** The files' entries. */
  readonly files: readonly Dirent[];
}

/** Nothing for a folder that cannot be read. */
export function readFolder(dir: string): FolderContents {
  let entries: Dirent[];
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    return { folders: [], files: [] };
  }
  const folders: string[] = [];
  const files: Dirent[] = [];
  for (const entry of entries) {
    if (entry.isDirectory()) {
      if (!SKIPPED_FOLDERS.has(entry.name) && !entry.name.startsWith('.')) folders.push(join(dir, entry.name));
    } else if (entry.isFile()) files.push(entry);
  }
  return { folders, files };
}
