// Cross-file shapes seen in public repositories (test/rules/__fixtures__/real-shapes): Next.js
// `@/` aliases with a default-exported factory two modules deep, CommonJS `module.exports = fn`,
// NestJS services reached through `baseUrl`, Lambda layers imported from /opt/nodejs, tsconfig
// `extends` (paths from the parent, baseUrl from the child), an exported `main()` called per timer
// tick, and a factory called from an array callback inside a Lambda handler.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import clientRule from '../../rules/no-per-request-client.js';
import providerRule from '../../rules/no-per-request-credential-provider.js';
import stsRule from '../../rules/no-per-request-sts-call.js';
import { at, run } from './support.js';

const fixture = (path: string): { filename: string; code: string } => {
  const filename = fileURLToPath(new URL(`./__fixtures__/real-shapes/${path}`, import.meta.url));
  return { filename, code: readFileSync(filename, 'utf8') };
};

const nextRoute = fixture('next/app/api/rsvp/route.ts');
const nextFactory = fixture('next/lib/aws/dynamodb.ts');
const expressServer = fixture('express/src/server.js');
const expressState = fixture('express/src/state.js');
const nestController = fixture('nest/src/videos/videos.controller.ts');
const nestService = fixture('nest/src/sts/sts.service.ts');
const layerHandler = fixture('layers/functions/authorizer/src/index.ts');
const layerSession = fixture('layers/layer/auth-service/src/helpers/session-management.ts');
const extendsHandler = fixture('extends/backend/src/handlers/cross-account.ts');
const cronTicker = fixture('cron/src/index.js');
const lambdaReport = fixture('cron/src/report.ts');
const apiObjectFactory = fixture('api-object/src/sts-client.ts');
const lambdaEntryWork = fixture('lambda-entry/src/work.ts');
const startedServerWork = fixture('started-server/src/work.ts');
const apiObjectServer = fixture('api-object/src/server.ts');
const exportedObjectHelpers = fixture('exported-object/src/utils/sts.js');
const exportedObjectController = fixture('exported-object/src/controllers/login.js');
const credentialTable = fixture('exported-object/src/utils/credentials.ts');
const credentialTableCaller = fixture('exported-object/src/controllers/tools.ts');
const cliOnlyClass = fixture('run-once-importers/src/cleaner.ts');
const serverClass = fixture('run-once-importers/server/cleaner.ts');
const constantsOnlyServer = fixture('run-once-importers/constants/cleaner.ts');
const splitModule = fixture('run-once-importers/split/cleaner.ts');
const aliasHelpers = fixture('exports-alias/src/aws.js');
const runnerHandler = fixture('local-runner/src/handler.js');
const registryAction = fixture('registry/src/destinations/kinesis/index.ts');
const defaultObjectRoutes = fixture('default-object/src/routes.js');
const referenceInTest = fixture('default-object/src/__tests__/refresh.check.js');
const aliasRoutes = fixture('exports-alias/src/routes.js');
const staticUser = fixture('static-helpers/src/user.js');
const staticServer = fixture('static-helpers/src/server.js');
const calledRoutes = fixture('called-handlers/src/routes.ts');
const calledHandler = fixture('called-handlers/src/handler.ts');

const STS_COST = 'one AssumeRole call to STS';

run('no-per-request-sts-call (cross-file shapes)', stsRule, {
  valid: [
    { name: 'the default-exported factory: judged where it is called', ...nextFactory },
    { name: 'CommonJS: the intermediate module is judged at its callers', ...expressState },
    { name: 'the NestJS service method itself', ...nestService },
    { name: 'an arrow-function field of an exported class, with no caller in its file', ...layerSession },
    { name: 'a member of the API object an exported factory returns: judged where it is called', ...apiObjectFactory },
    { name: 'a member assigned to an object the module exports whole: judged where it is called', ...exportedObjectHelpers },
    { name: 'a class only a command-line program and a test import runs once per command', ...cliOnlyClass },
    { name: 'the same class, with a server that imports only a constant and a type from its module', ...constantsOnlyServer },
    { name: 'the same class, in a module whose other export a server calls: the class is judged by the CLI that imports it', ...splitModule },
  ],
  invalid: [
    {
      name: 'a destination a registry loads by path (`register(id, "./kinesis")`, `require(path)`), which a test imports too, runs per event',
      ...registryAction,
      errors: [{ messageId: 'factoryPerInvocation', ...at(registryAction.code, 'send(settings'), data: { name: 'send', api: 'AssumeRoleCommand', where: 'src/destinations/kinesis/utils.ts:6', context: 'perform callback', cost: STS_COST }, suggestions: [] }],
    },
    {
      name: 'the same class, imported by a server as well, runs per request',
      ...serverClass,
      errors: [{ messageId: 'credentialsCallPerInvocation', ...at(serverClass.code, 'new AssumeRoleCommand({'), data: { name: 'AssumeRoleCommand', context: 'function called from a loop', cost: STS_COST } }],
    },
    {
      name: 'CommonJS: `helpers.f = async () => …; module.exports = helpers`, called from an express middleware member',
      ...exportedObjectController,
      errors: [{ messageId: 'factoryPerInvocation', ...at(exportedObjectController.code, 'helpers.assumeCustomerRole('), data: { name: 'assumeCustomerRole', api: 'AssumeRoleCommand', where: 'src/utils/sts.js:8', context: 'request handler', cost: STS_COST }, suggestions: [] }],
    },
    {
      name: 'Next.js: `@/` paths relative to tsconfig (no baseUrl), a default export, AssumeRole two modules deep',
      ...nextRoute,
      errors: [{ messageId: 'factoryPerInvocation', ...at(nextRoute.code, 'getDynamoDbClient()'), data: { name: 'getDynamoDbClient', api: 'AssumeRoleCommand', where: 'lib/aws/assume-role.ts:5', context: 'route handler', cost: STS_COST }, suggestions: [] }],
    },
    {
      name: 'CommonJS: `module.exports = fn` and a required module called as a function',
      ...expressServer,
      errors: [{ messageId: 'factoryPerInvocation', ...at(expressServer.code, 'getState()'), data: { name: 'getState', api: 'IMDS credentials path', where: 'src/creds/imds.js:3', context: 'route callback', cost: 'one IMDS credentials fetch (three HTTP calls with IMDSv2)' }, suggestions: [] }],
    },
    {
      name: 'NestJS: a controller route calling an injected service found through baseUrl',
      ...nestController,
      errors: [{ messageId: 'factoryPerInvocation', ...at(nestController.code, 'this.stsService.uploadCredentials('), data: { name: 'StsService.uploadCredentials', api: 'AssumeRoleCommand', where: 'src/sts/sts.service.ts:9', context: 'route handler', cost: STS_COST }, suggestions: [] }],
    },
    {
      name: 'a Lambda layer from /opt/nodejs/node_modules, re-exported by local `export { X }`, an arrow-function method',
      ...layerHandler,
      errors: [{ messageId: 'factoryPerInvocation', ...at(layerHandler.code, 'sessions.getSession('), suggestions: [] }],
    },
    {
      name: 'tsconfig extends: `paths` from the parent, `baseUrl` from the child',
      ...extendsHandler,
      errors: [{ messageId: 'factoryPerInvocation', ...at(extendsHandler.code, 'getRoleCredentials('), data: { name: 'getRoleCredentials', api: 'AssumeRoleCommand', where: 'src/utils/role-credentials.ts:6', context: 'Lambda handler', cost: STS_COST }, suggestions: [] }],
    },
    {
      name: 'a route calling a member of the API object an imported factory returned',
      ...apiObjectServer,
      errors: [{ messageId: 'factoryPerInvocation', ...at(apiObjectServer.code, 'sts.assumeRole('), data: { name: 'createStsClient().assumeRole', api: 'AssumeRoleCommand', where: 'src/sts-client.ts:7', context: 'route callback', cost: STS_COST }, suggestions: [] }],
    },
    {
      name: 'an exported `main()` is set-up code in its file, but a timer calls it on every tick',
      ...cronTicker,
      errors: [{ messageId: 'factoryPerInvocation', ...at(cronTicker.code, 'main()'), suggestions: [] }],
    },
  ],
});

run('no-per-request-credential-provider (cross-file shapes)', providerRule, {
  valid: [
    { name: 'static methods that several exported methods call, through `this`: judged where they are called', ...staticUser },
    { name: 'an STS factory is reported by the STS rule only', ...nextRoute },
    { name: 'a table of provider functions the exported function iterates: judged at its callers, not frozen', ...credentialTable },
  ],
  invalid: [
    {
      name: 'routes calling static methods of an exported class (`module.exports = { User }`, `module.exports = Tokens`) that reach a factory through `this`',
      ...staticServer,
      errors: [
        { messageId: 'factoryPerInvocation', ...at(staticServer.code, 'User.verifyAccount('), data: { name: 'User.verifyAccount', api: 'fromContainerMetadata', where: 'src/db.js:4', context: 'route callback', cost: 'one call to the ECS container credentials endpoint (rate-limited: HTTP 429 under load)' }, suggestions: [] },
        { messageId: 'factoryPerInvocation', ...at(staticServer.code, 'User.resetPassword('), suggestions: [] },
        { messageId: 'factoryPerInvocation', ...at(staticServer.code, 'Tokens.retrieve('), data: { name: 'retrieve', api: 'fromContainerMetadata', where: 'src/db.js:4', context: 'route callback', cost: 'one call to the ECS container credentials endpoint (rate-limited: HTTP 429 under load)' }, suggestions: [] },
        // `module.exports = new Youtube()`, required from JavaScript beside a stale youtube.ts.
        { messageId: 'factoryPerInvocation', ...at(staticServer.code, 'Youtube.generateUrl('), data: { name: 'generateUrl', api: 'fromContainerMetadata', where: 'src/db.js:4', context: 'route callback', cost: 'one call to the ECS container credentials endpoint (rate-limited: HTTP 429 under load)' }, suggestions: [] },
        // An exported `initAWS()` that sets the global credentials to a new object on every call.
        { messageId: 'factoryPerInvocation', ...at(staticServer.code, 'AwsConfig.initAWS('), data: { name: 'initAWS', api: 'CognitoIdentityCredentials', where: 'src/aws-config.js:4', context: 'route callback', cost: 'Cognito GetId and GetCredentialsForIdentity calls' }, suggestions: [] },
      ],
    },
    {
      name: 'a Lambda handler that a local runner script also calls stays a Lambda handler',
      ...runnerHandler,
      errors: [
        {
          messageId: 'providerPerInvocation',
          ...at(runnerHandler.code, 'fromTemporaryCredentials({'),
          data: { name: 'fromTemporaryCredentials', context: 'Lambda handler', cost: STS_COST },
          suggestions: [
            {
              messageId: 'suggestKeyed',
              output: runnerHandler.code
                .replace("credential-providers';\n", "credential-providers';\nimport { sharedCredentials } from 'eslint-plugin-aws-credentials/runtime';\n")
                .replace('= fromTemporaryCredentials({ params: { RoleArn: event.roleArn } })', "= sharedCredentials({ source: 'fromTemporaryCredentials', RoleArn: event.roleArn }, () => fromTemporaryCredentials({ params: { RoleArn: event.roleArn } }))"),
            },
          ],
        },
      ],
    },
    {
      name: 'a table of provider functions (`{ load: () => fromIni()() }`) tried in order on every call of an exported function',
      ...credentialTableCaller,
      errors: [{ messageId: 'factoryPerInvocation', ...at(credentialTableCaller.code, 'findCredentials('), data: { name: 'findCredentials', api: 'fromIni', where: 'src/utils/credentials.ts:6', context: 'request handler', cost: 'a re-read of the shared config files (and an AssumeRole when the profile assumes a role)' }, suggestions: [] }],
    },
    {
      name: 'a returned member a framework calls per connection (a Kafka mechanism\'s `authenticate`) stays per invocation',
      ...apiObjectFactory,
      errors: [
        {
          messageId: 'providerPerInvocation',
          ...at(apiObjectFactory.code, 'fromNodeProviderChain()'),
          suggestions: [
            {
              messageId: 'suggestHoist',
              output: apiObjectFactory.code
                // The declaration goes after the imports, above the function declarations it moves past.
                .replace("from '@aws-sdk/credential-providers';\n", "from '@aws-sdk/credential-providers';\nimport { cacheCredentials } from 'eslint-plugin-aws-credentials/runtime';\n")
                .replace('export const createStsClient', 'const nodeProviderChain = cacheCredentials(fromNodeProviderChain());\n\nexport const createStsClient')
                .replace('async () => fromNodeProviderChain()()', 'async () => nodeProviderChain()'),
            },
          ],
        },
      ],
    },
  ],
});

run('no-per-request-client (cross-file shapes)', clientRule, {
  valid: [
    { name: 'an imported function handed to a timer in test code', ...referenceInTest },
    { name: 'members of an alias of the exports object (`const self = module.exports`): judged where they are called', ...aliasHelpers },
    { name: 'an exported handler-like function the project itself calls: judged at its callers, the outermost call', ...calledRoutes },
    { name: 'a client factory called from an array callback inside a Lambda handler is the strict shape', ...lambdaReport },
    { name: 'the route reports the costlier STS call, not the client', ...nextRoute },
    { name: 'a package whose entry exports a Lambda handler: a client per loop pass is the strict shape', ...lambdaEntryWork },
  ],
  invalid: [
    {
      name: 'a member of an object exported as default (`export default { get }`), and an imported function handed to a timer by reference',
      ...defaultObjectRoutes,
      errors: [
        { messageId: 'factoryPerInvocation', ...at(defaultObjectRoutes.code, 'getObject.get('), data: { name: 'getObject.get', api: 'S3Client', where: 'src/aws/client.js:3', context: 'route callback', cost: 'a run of the default credential chain (an ECS container endpoint or IMDS fetch)' }, suggestions: [] },
        { messageId: 'factoryPerInvocation', ...at(defaultObjectRoutes.code, 'refreshIndex, 60_000'), data: { name: 'refreshIndex', api: 'S3Client', where: 'src/aws/client.js:3', context: 'timer', cost: 'a run of the default credential chain (an ECS container endpoint or IMDS fetch)' }, suggestions: [] },
      ],
    },
    {
      name: 'a route calling a member assigned to `self = module.exports`',
      ...aliasRoutes,
      errors: [{ messageId: 'factoryPerInvocation', ...at(aliasRoutes.code, 'aws.sendMail('), data: { name: 'sendMail', api: 'SESClient', where: 'src/aws.js:5', context: 'route callback', cost: 'a run of the default credential chain (an ECS container endpoint or IMDS fetch)' }, suggestions: [] }],
    },
    {
      name: 'a returned request handler calling an exported `handleX(req)` that builds a client from a config helper with optional static keys',
      ...calledHandler,
      errors: [{ messageId: 'factoryPerInvocation', ...at(calledHandler.code, 'handlePresign(req'), data: { name: 'handlePresign', api: 'S3Client', where: 'src/s3.ts:18', context: 'callback', cost: 'a run of the default credential chain (an ECS container endpoint or IMDS fetch)' }, suggestions: [] }],
    },
    {
      name: 'the same loop in a package started as a server (`"start": "node src/server.js"`) though its index exports a handler: recommended',
      ...startedServerWork,
      errors: [{ messageId: 'clientDefaultChainPerInvocation', ...at(startedServerWork.code, 'new S3Client('), suggestions: [] }],
    },
    {
      name: 'strict: a client per loop pass in a package whose entry exports a Lambda handler',
      ...lambdaEntryWork,
      options: [{ checkLambdaDefaultChain: true }],
      errors: [{ messageId: 'clientDefaultChainInLambda', ...at(lambdaEntryWork.code, 'new S3Client('), suggestions: [] }],
    },
    {
      name: 'strict: the same factory call in a Lambda handler',
      ...lambdaReport,
      options: [{ checkLambdaDefaultChain: true }],
      errors: [{ messageId: 'clientDefaultChainInLambda', ...at(lambdaReport.code, 'sendMetric(name)'), suggestions: [] }],
    },
  ],
});
