// Run the CLI in-process with captured output.
import type { Io } from '../../src/cli/io.js';
import { run } from '../../src/cli/run.js';

export interface Captured {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

export async function cli(cwd: string, ...argv: string[]): Promise<Captured> {
  let stdout = '';
  let stderr = '';
  const io: Io = { out: text => void (stdout += text), err: text => void (stderr += text), errIsTTY: false };
  const code = await run(argv, io, cwd);
  return { code, stdout, stderr };
}
