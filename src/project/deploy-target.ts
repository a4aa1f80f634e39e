// Is a file's package deployed to AWS Lambda? There a client without `credentials` reads them from
// environment variables, so building one per invocation costs set-up, not a credential fetch, and
// only `strict` reports it. Judged from the package's dependencies, deployment templates, and
// whether its entry module exports a `handler`.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { exportsHandler } from '../analysis/frequency/file-role.js';
import { parseSource } from '../analysis/parse.js';
import { projectRootOf } from './project-root.js';
import { readJson } from './read-json.js';

/** Dependencies only Lambda code has. */
const LAMBDA_DEPENDENCIES = ['@types/aws-lambda', 'aws-lambda', 'sst', 'serverless', '@middy/core', 'middy', '@aws-lambda-powertools/logger', '@aws-lambda-powertools/tracer', '@aws-lambda-powertools/metrics', 'serverless-http', '@vendia/serverless-express', '@codegenie/serverless-express', 'aws-serverless-express', 'lambda-api', 'aws-lambda-fastify'];
/** Deployment templates of the Serverless Framework and SAM. */
const LAMBDA_TEMPLATES = ['serverless.yml', 'serverless.yaml', 'serverless.ts', 'serverless.js', 'template.yaml', 'template.yml', 'samconfig.toml'];

/** A start script that runs a module under Node (`node src/server.js`, `nodemon app.ts`, `tsx watch src/index.ts`). */
const STARTS_PROCESS = /(^|[\s;&|])(node|nodemon|ts-node|tsx|bun)(\s+[\w-]+)*\s+[\w./-]+\.[cm]?[jt]s\b/;

const known = new Map<string, boolean>();

export function isLambdaPackage(file: string): boolean {
  const root = projectRootOf(file);
  if (!root) return false;
  const cached = known.get(root);
  if (cached !== undefined) return cached;
  const manifest = readJson(join(root, 'package.json')) as Record<string, Record<string, string> | undefined> | undefined;
  const dependencies = { ...manifest?.dependencies, ...manifest?.devDependencies };
  // A package started as a process (`"start": "node src/server.js"`) runs there, whatever its index exports.
  const startsProcess = STARTS_PROCESS.test(String(manifest?.scripts?.start ?? ''));
  const result = LAMBDA_DEPENDENCIES.some((name) => name in dependencies) || LAMBDA_TEMPLATES.some((name) => existsSync(join(root, name))) || (!startsProcess && entryExportsHandler(root, manifest?.main));
  known.set(root, result);
  return result;
}

const ENTRY_FILES = ['index.ts', 'index.mjs', 'index.js', 'index.cjs', 'src/index.ts', 'src/index.js', 'handler.ts', 'handler.js'];

/** The package's entry (`main`, or an index at its root) exports a Lambda `handler` (the same test the analysis uses on a file). */
function entryExportsHandler(root: string, main: unknown): boolean {
  const candidates = [...(typeof main === 'string' ? [main, main.replace(/\.js$/, '.ts')] : []), ...ENTRY_FILES];
  for (const candidate of candidates) {
    const file = join(root, candidate);
    let text: string;
    try {
      text = readFileSync(file, 'utf8');
    } catch {
      continue;
    }
    if (!/handler/i.test(text)) continue; // most entries: no parse needed
    try {
      if (exportsHandler(parseSource(text, file).ast)) return true;
    } catch {
      // an entry that does not parse says nothing
    }
  }
  return false;
}
