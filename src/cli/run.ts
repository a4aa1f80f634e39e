// Dispatch a parsed command line; usage errors print the command's usage and exit 2.
import { resolve } from 'node:path';
import { meta } from '../index.js';
import { commandOf, parseCliArgs, usageOf } from './args.js';
import { UsageError } from './files.js';
import { EXIT, type Io } from './io.js';

export async function run(argv: readonly string[], io: Io, cwd: string): Promise<number> {
  try {
    const args = parseCliArgs(argv);
    if (args.command === 'help') {
      io.out(usageOf(args.topic));
      return EXIT.ok;
    }
    if (args.command === 'version') {
      io.out(`${meta.version}\n`);
      return EXIT.ok;
    }
    const where = args.cwd ? resolve(cwd, args.cwd) : cwd;
    // Each command loads only its own modules (fix needs ts-morph, scan ESLint): a faster start.
    if (args.command === 'scan') return await (await import('./scan.js')).runScan(args, where, io);
    return await (await import('./fix.js')).runFix(args, where, io);
  } catch (error) {
    if (error instanceof UsageError) {
      io.err(`aws-credentials: ${error.message}\n\n${usageOf(commandOf(argv))}`);
      return EXIT.usage;
    }
    io.err(`aws-credentials: internal error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    return EXIT.usage;
  }
}
