// One step of a repository scan: what a folder holds, and which of its sub-folders a scan enters
// (not dependencies, build output, VCS data or other dot-folders).
import { type Dirent, readdirSync } from 'node:fs';
import { join } from 'node:path';

const SKIPPED_FOLDERS = new Set(['node_modules', 'dist', 'build', 'out', 'coverage', 'cdk.out', '.git', '.next', '.serverless', '.aws-sam']);

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
