#!/usr/bin/env node
// The `aws-credentials` bin: `scan` and `fix`. Everything else lives in small modules beside it.
import { run } from './run.js';
import { processIo } from './io.js';

run(process.argv.slice(2), processIo, process.cwd()).then(
  code => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`aws-credentials: internal error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exitCode = 2;
  },
);
