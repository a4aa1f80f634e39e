// Cross-file detection through the rules, on small projects on disk (test/rules/__fixtures__): a
// per-request call of a factory in another module is reported at the call site, naming the factory
// and where it builds; definitions with no per-request use in their own file are not reported.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import clientRule from '../../rules/no-per-request-client.js';
import providerRule from '../../rules/no-per-request-credential-provider.js';
import stsRule from '../../rules/no-per-request-sts-call.js';
import { at, run } from './support.js';

const fixture = (path: string): { filename: string; code: string } => {
  const filename = fileURLToPath(new URL(`./__fixtures__/${path}`, import.meta.url));
  return { filename, code: readFileSync(filename, 'utf8') };
};

const handler = fixture('cross-file/src/handler.ts');
const definitions = fixture('cross-file/src/lib/aws.ts');
const seed = fixture('cross-file/scripts/seed.ts');
const server = fixture('workspace/packages/api/src/server.ts');

run('no-per-request-credential-provider (cross-file)', providerRule, {
  valid: [
    { name: 'the factory itself: no per-request use in its own file', ...definitions },
    { name: 'crossFile: false does not follow imports', ...handler, options: [{ crossFile: false }] },
  ],
  invalid: [
    {
      name: 'a handler calling an imported factory, by name and through tsconfig paths',
      ...handler,
      errors: [
        { messageId: 'factoryPerInvocation', ...at(handler.code, 'credentialsFor(event.role)'), data: { name: 'credentialsFor', api: 'fromTemporaryCredentials', where: 'src/lib/aws.ts:9', context: 'Lambda handler', cost: 'one AssumeRole call to STS' }, suggestions: [] },
        { messageId: 'factoryPerInvocation', ...at(handler.code, 'lib.credentialsFor('), suggestions: [] },
      ],
    },
    {
      name: 'a loop in a script builds the same source on every pass; one per element is what a run needs',
      ...seed,
      errors: [{ messageId: 'factoryPerInvocation', ...at(seed.code, 'credentialsFor(role)'), suggestions: [] }],
    },
  ],
});

run('no-per-request-sts-call (cross-file)', stsRule, {
  valid: [{ name: 'the definition', ...definitions }],
  invalid: [
    {
      name: 'through an `export * as Aws` namespace re-export',
      ...handler,
      errors: [{ messageId: 'factoryPerInvocation', ...at(handler.code, 'Aws.sessionFor('), data: { name: 'Aws.sessionFor', api: 'AssumeRoleCommand', where: 'src/lib/aws.ts:22', context: 'Lambda handler', cost: 'one AssumeRole call to STS' }, suggestions: [] }],
    },
  ],
});

run('no-per-request-client (cross-file)', clientRule, {
  valid: [
    { name: 'in a Lambda handler, clients without credentials are the strict shape', ...handler },
    { name: 'the definitions', ...definitions },
  ],
  invalid: [
    {
      name: 'strict: a class built per invocation, and a method of an imported instance',
      ...handler,
      options: [{ checkLambdaDefaultChain: true }],
      errors: [
        { messageId: 'clientDefaultChainInLambda', ...at(handler.code, 'new Uploads()'), suggestions: [] },
        { messageId: 'clientDefaultChainInLambda', ...at(handler.code, 'reports.client('), suggestions: [] },
      ],
    },
    {
      name: 'a route calling a workspace package factory',
      ...server,
      errors: [{ messageId: 'factoryPerInvocation', ...at(server.code, 'bucketClient('), data: { name: 'bucketClient', api: 'S3Client', where: 'src/index.ts:3', context: 'route callback', cost: 'a run of the default credential chain (an ECS container endpoint or IMDS fetch)' }, suggestions: [] }],
    },
  ],
});
