// The fix plan for a per-request `await client.send(new AssumeRoleCommand({...}))` whose
// Credentials only feed SDK v3 `credentials` objects. Its rewrite spans several statements:
//   const { Credentials } = await sts.send(new AssumeRoleCommand(input));   -> removed (hoist) or
//                                                                              const x = sharedCredentials(key, () => fromTemporaryCredentials(...)) (keyed)
//   credentials: { accessKeyId: Credentials.AccessKeyId, ... }              -> credentials: x
// with a module-scope `cacheCredentials(fromTemporaryCredentials(options))` when the input is
// module-stable. The provider's internal STS client gets the calling client's configuration, so the
// same credentials sign the AssumeRole call; a client whose configuration is unknown stays manual.
// GetSessionToken and AssumeRoleWithWebIdentity are planned by sts-call-cache (no provider of
// @aws-sdk/credential-providers makes those calls with the caller's own client).
import type { TSESTree } from '@typescript-eslint/utils';
import { type PlanContext, hoistedDeclaration, importEdits, preferredQuote } from './plans.js';
import { importsModule, startWithLeadingComments, unusedImportEdit } from './imports.js';
import { stabilityOf, type Stability } from './stability.js';
import type { FixPlan, TextEdit } from '../types.js';
import { fromTemporaryCredentialsOptions } from './assume-role-options.js';
import { stsCallKey } from './cache-key.js';
import { CACHED_STS_ACTIONS, cachedStsCallPlan, v3StsCall } from './sts-call-cache.js';
import { shadowedAt, stsClientOf } from './sts-client.js';
import { stsResponseOf } from './sts-response.js';
import { lineRange } from './lines.js';

export const PROVIDERS_MODULE = '@aws-sdk/credential-providers';

export type StsPlanResult = { readonly plan: FixPlan } | { readonly reason: string };

const why = (reason: string): StsPlanResult => ({ reason });

export function assumeRolePlan(command: TSESTree.NewExpression, exportName: string, context: PlanContext): StsPlanResult {
  const { text, scopes } = context;
  const action = exportName.replace(/Command$/, '');
  if (action !== 'AssumeRole' && CACHED_STS_ACTIONS.has(action)) {
    const call = v3StsCall(command, action);
    if ('reason' in call) return why(call.reason);
    const plan = cachedStsCallPlan(call, context);
    return plan.kind === 'manual' ? why(plan.reason) : { plan };
  }
  if (exportName !== 'AssumeRoleCommand') return why(`${exportName} is not rewritten automatically`);
  const input = command.arguments[0];
  if (command.arguments.length !== 1 || input?.type !== 'ObjectExpression') return why('its input is not an object literal');
  const call = v3StsCall(command, action);
  if ('reason' in call) return why(call.reason);
  const response = stsResponseOf(call.awaited, scopes, 'v3');
  if ('reason' in response) return why(response.reason);
  const { declaration } = response;

  const options = fromTemporaryCredentialsOptions(input, text);
  if ('manual' in options) return why(options.manual);
  const statement = (() => {
    let current: TSESTree.Node = declaration;
    while (current.parent && current.parent.type !== 'Program') current = current.parent;
    return current;
  })();
  const insertAt = startWithLeadingComments(context.program, statement, text);
  const stability: Stability = stabilityOf(input, { scopes, text, insertAt, isAllowedCall: () => false });
  if (stability.kind === 'unsafe') return why(`${stability.reason}.`);

  const existing = scopes.allNames().has('fromTemporaryCredentials');
  const imported = context.program.body.some(
    node => node.type === 'ImportDeclaration' && node.source.value === PROVIDERS_MODULE && node.specifiers.some(s => s.type === 'ImportSpecifier' && s.local.name === 'fromTemporaryCredentials' && s.imported.type === 'Identifier' && s.imported.name === 'fromTemporaryCredentials'),
  );
  if (existing && !imported) return why('the name `fromTemporaryCredentials` is already used for something else in this file');
  if (!importsModule(context.program, PROVIDERS_MODULE) && !context.availableModules.has(PROVIDERS_MODULE)) {
    return why(`the fix needs ${PROVIDERS_MODULE}, which is not among the project's dependencies: add it, then run the fix again`);
  }

  // The provider's internal STS client gets the calling client's configuration (its credentials,
  // region, endpoint): the same identity signs the AssumeRole call. Unknown configuration: manual.
  const client = stsClientOf(call.receiver, scopes, text, insertAt);
  if ('reason' in client) return why(client.reason);
  const clientConfig = client.client.config;
  if (clientConfig && stabilityOf(clientConfig, { scopes, text, insertAt, isAllowedCall: () => false }).kind !== 'static') {
    return why('its STS client\'s configuration is not plain module data, so the provider cannot be given the same one');
  }
  const withClient = clientConfig && clientConfig.properties.length > 0
    ? options.text.replace(/ }$/, `, clientConfig: ${text.slice(clientConfig.range[0], clientConfig.range[1])} }`)
    : options.text;
  const providerCall = `fromTemporaryCredentials(${withClient})`;
  const name = context.names.allocate('assumedRoleCredentials');
  const unusedImport = unusedImportEdit(command.callee, scopes);
  const replaceObjects: TextEdit[] = [
    ...response.sinks.map((sink): TextEdit => ({ range: [sink.range[0], sink.range[1]], text: sink.replacement(name) })),
    ...(unusedImport ? [unusedImport] : []),
  ];
  const providersImport = { module: PROVIDERS_MODULE, names: ['fromTemporaryCredentials'] };

  if (stability.kind === 'static') {
    const imports = [{ module: context.runtimeModule, names: ['cacheCredentials'] }, providersImport];
    const edits: TextEdit[] = [
      ...importEdits(context, imports),
      hoistedDeclaration(context.program, text, insertAt, name, `cacheCredentials(${providerCall})`),
      { range: lineRange(text, declaration), text: '' },
      ...replaceObjects,
    ];
    return {
      plan: {
        kind: 'hoist',
        description: `const ${name} = cacheCredentials(fromTemporaryCredentials(…)) replaces the AssumeRole call`,
        edits,
        imports,
      },
    };
  }
  const key = stsCallKey('AssumeRole', input, clientConfig, { text, quote: preferredQuote(text), comments: context.program.comments ?? [] });
  if ('manual' in key) return why(`its inputs vary per request and ${key.manual}.`);
  const shadowed = clientConfig ? shadowedAt(clientConfig, command, scopes) : [];
  if (shadowed.length > 0) return why(`its STS client's configuration reads ${shadowed.map(n => `\`${n}\``).join(', ')}, which the request's code redeclares`);
  const imports = [{ module: context.runtimeModule, names: ['sharedCredentials'] }, providersImport];
  const edits: TextEdit[] = [
    ...importEdits(context, imports),
    { range: [declaration.range[0], declaration.range[1]], text: `const ${name} = sharedCredentials(${key.text}, () => ${providerCall})${text[declaration.range[1] - 1] === ';' ? ';' : ''}` },
    ...replaceObjects,
  ];
  return {
    plan: {
      kind: 'keyed',
      description: `sharedCredentials(${key.text}, () => fromTemporaryCredentials(…)) replaces the AssumeRole call`,
      edits,
      keyInputs: stability.inputs,
      imports,
    },
  };
}
