// Atomic writes: a temp file in the same folder, then rename over the target, so a crash or
// Ctrl-C never leaves a half-written source file. The file's mode is kept.
import { chmodSync, existsSync, mkdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

let counter = 0;

export function writeFileAtomic(file: string, text: string): void {
  mkdirSync(dirname(file), { recursive: true });
  counter += 1;
  const temp = join(dirname(file), `.${basename(file)}.${process.pid}.${counter}.aws-credentials.tmp`);
  try {
    writeFileSync(temp, text, 'utf8');
    if (existsSync(file)) chmodSync(temp, statSync(file).mode & 0o7777);
    renameSync(temp, file);
  } catch (error) {
    rmSync(temp, { force: true });
    throw error;
  }
}
