// Invoke the handler N times in one process (a warm Lambda container), print the results as JSON.
import { handler } from './handler.mjs';

const count = Number(process.argv[2] ?? 5);
const results = [];
for (let id = 0; id < count; id += 1) results.push(await handler({ id }));
process.stdout.write(`${JSON.stringify(results)}\n`);
