// Is a file's package deployed to AWS Lambda? There a client without `credentials` reads them from
// environment variables, so building one per invocation costs set-up, not a credential fetch, and
// only `strict` reports it. Judged from the package's dependencies and deployment templates.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { projectRootOf } from './project-root.js';
import { readJson } from './read-json.js';

/** Dependencies only Lambda code has. */
const LAMBDA_DEPENDENCIES = ['@types/aws-lambda', 'aws-lambda', 'sst', 'serverless', '@middy/core', 'middy', '@aws-lambda-powertools/logger', '@aws-lambda-powertools/tracer', '@aws-lambda-powertools/metrics', 'serverless-http', '@vendia/serverless-express', '@codegenie/serverless-express', 'aws-serverless-express', 'lambda-api', 'aws-lambda-fastify'];
/** Deployment templates of the Serverless Framework and SAM. */
const LAMBDA_TEMPLATES = ['serverless.yml', 'serverless.yaml', 'serverless.ts', 'serverless.js', 'template.yaml', 'template.yml', 'samconfig.toml'];

const known = new Map<string, boolean>();

export function isLambdaPackage(file: string): boolean {
  const root = projectRootOf(file);
  if (!root) return false;
  const cached = known.get(root);
  if (cached !== undefined) return cached;
  const manifest = readJson(join(root, 'package.json')) as Record<string, Record<string, string> | undefined> | undefined;
  const dependencies = { ...manifest?.dependencies, ...manifest?.devDependencies };
  const result = LAMBDA_DEPENDENCIES.some((name) => name in dependencies) || LAMBDA_TEMPLATES.some((name) => existsSync(join(root, name)));
  known.set(root, result);
  return result;
}
