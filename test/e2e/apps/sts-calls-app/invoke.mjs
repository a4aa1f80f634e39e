// Invoke both handlers N times in one process (a warm container), alternating two tenant roles;
// print what each request signed as, as JSON.
import { createRequire } from 'node:module';
import { handler as session } from './v3-session.mjs';

const { handler: v2 } = createRequire(import.meta.url)('./v2-handler.cjs');
const count = Number(process.argv[2] ?? 6);
const results = [];
for (let id = 0; id < count; id += 1) {
  results.push({ v2: await v2({ roleArn: `arn:aws:iam::12345678901${id % 2}:role/tenant` }), session: await session() });
}
process.stdout.write(`${JSON.stringify(results)}\n`);
