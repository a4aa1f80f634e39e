// Typed mode (README, "Type-aware mode"): with `parserOptions.projectService`, the checker resolves
// callees the syntax cannot follow — a method of an instance a DI container or a typed factory
// returns, a function injected as a typed parameter or field, re-exported under another name
// through layers. The same files linted syntax-only report nothing: that is what typed mode adds.
import { readFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import providerRule from '../../rules/no-per-request-credential-provider.js';
import { at, run, RuleTester } from './support.js';

const root = fileURLToPath(new URL('./__fixtures__/typed/', import.meta.url));
const fixture = (path: string): { filename: string; code: string } => {
  const filename = `${root}${path}`;
  return { filename, code: readFileSync(filename, 'utf8') };
};

const handler = fixture('src/handler.ts');
const once = fixture('src/once.ts');
const route = fixture('src/route.ts');

const typedTester = new RuleTester({ languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: dirname(`${root}tsconfig.json`) } } });

typedTester.run('no-per-request-credential-provider (typed)', providerRule as never, {
  valid: [
    { name: 'module scope and a set-up function: once, typed or not', ...once },
    { name: 'crossFile: false turns typed resolution off with the rest of cross-file analysis', ...handler, options: [{ crossFile: false }] },
  ],
  invalid: [
    {
      name: 'instances from a container and a typed factory; injected and passed functions re-exported through layers',
      ...handler,
      errors: [
        { messageId: 'factoryPerInvocation', ...at(handler.code, 'svc.assume('), data: { name: 'StsService.assume', api: 'fromTemporaryCredentials', where: 'src/services/sts-service.ts:5', context: 'callback', cost: 'one AssumeRole call to STS' }, suggestions: [] },
        { messageId: 'factoryPerInvocation', ...at(handler.code, 'stsService().assume('), suggestions: [] },
        { messageId: 'factoryPerInvocation', ...at(handler.code, 'deps.credentials('), data: { name: 'credentialsFor', api: 'fromTemporaryCredentials', where: 'src/credentials.ts:4', context: 'callback', cost: 'one AssumeRole call to STS' }, suggestions: [] },
        { messageId: 'factoryPerInvocation', ...at(handler.code, 'getCredentials('), suggestions: [] },
      ],
    },
    {
      name: 'an instance from a module that creates nothing itself, typed by one that does',
      ...route,
      errors: [{ messageId: 'factoryPerInvocation', ...at(route.code, 'stsService().assume('), data: { name: 'StsService.assume', api: 'fromTemporaryCredentials', where: 'src/services/sts-service.ts:5', context: 'Lambda handler', cost: 'one AssumeRole call to STS' }, suggestions: [] }],
    },
  ],
});

run('no-per-request-credential-provider (same files, syntax only)', providerRule, {
  valid: [
    { name: 'without a program the syntax sees none of these callees', ...handler },
    { name: 'module scope, syntax only', ...once },
    { name: 'an instance a factory returns, syntax only', ...route },
  ],
  invalid: [],
});
