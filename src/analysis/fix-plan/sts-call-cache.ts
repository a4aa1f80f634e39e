// The fix plan for a per-request STS call the code writes by hand and whose Credentials only
// configure clients: SDK v2 `await sts.assumeRole(params).promise()` (and getSessionToken,
// assumeRoleWithWebIdentity), SDK v3 `await sts.send(new GetSessionTokenCommand(...))` and
// AssumeRoleWithWebIdentityCommand. The call itself is kept, through the very same STS client,
// inside the runtime's cache, so the identity that signs it cannot change:
//   const sessionCredentials = cacheCredentials(async () => {              (inputs module-stable: hoisted)
//     const { Credentials } = await sts.send(new GetSessionTokenCommand({ DurationSeconds: 900 }));
//     return { accessKeyId: Credentials.AccessKeyId, ..., expiration: Credentials.Expiration };
//   });
//   ... credentials: sessionCredentials ...
// or, when the inputs vary, `sharedCredentials({ source, <the inputs>, client: <its config> }, () => async () => {...})`
// in place of the call. SDK v2 clients get `toV2Credentials(...)` of the same. A one-time MFA
// `TokenCode`, a per-request web identity token, a callback, a client whose identity is unknown, or
// any other use of the response keeps the call manual, with the reason.
import type { TSESTree } from '@typescript-eslint/utils';
import type { FixPlan, RuntimeImport, TextEdit } from '../types.js';
import { staticPropertyName, unwrap } from '../walk.js';
import { stsCallKey } from './cache-key.js';
import { startWithLeadingComments } from './imports.js';
import { type PlanContext, hoistedDeclaration, importEdits, manual, preferredQuote, reindent, topLevelStatement, usesSemicolons } from './plans.js';
import { stabilityOf } from './stability.js';
import { shadowedAt, stsClientOf } from './sts-client.js';
import { expirationText, stsResponseOf } from './sts-response.js';
import { lineRange } from './lines.js';

export interface StsCall {
  /** The STS action, as the cache key names it: `AssumeRole`, `GetSessionToken` ... */
  readonly action: string;
  /** The reported node: the v3 command's `new`, or the v2 method call. */
  readonly site: TSESTree.Node;
  /** `await ...` of the call's result. */
  readonly awaited: TSESTree.Node;
  /** The call's input (undefined when called without one). */
  readonly input: TSESTree.Node | undefined;
  /** The STS client the call goes through. */
  readonly receiver: TSESTree.Node;
  readonly sdk: 'v2' | 'v3';
  readonly baseName: string;
}

const BASE_NAMES: Readonly<Record<string, string>> = {
  AssumeRole: 'assumedRoleCredentials',
  AssumeRoleWithWebIdentity: 'webIdentityCredentials',
  GetSessionToken: 'sessionCredentials',
};
/** Actions this plan rewrites; SAML and federation tokens stay manual (their inputs are per-user). */
export const CACHED_STS_ACTIONS: ReadonlySet<string> = new Set(Object.keys(BASE_NAMES));
const V2_METHODS: Readonly<Record<string, string>> = { assumeRole: 'AssumeRole', assumeRoleWithWebIdentity: 'AssumeRoleWithWebIdentity', getSessionToken: 'GetSessionToken' };

/** `sts.assumeRole(params)` in `await sts.assumeRole(params).promise()`, or why it cannot be rewritten. */
export function v2StsCall(call: TSESTree.CallExpression): StsCall | { readonly reason: string } {
  const callee = unwrap(call.callee);
  const method = callee.type === 'MemberExpression' ? staticPropertyName(callee) : undefined;
  const action = method ? V2_METHODS[method] : undefined;
  if (callee.type !== 'MemberExpression' || !action) return { reason: `\`${method ?? 'this'}\` calls are not rewritten automatically` };
  const last = call.arguments[call.arguments.length - 1];
  if (last && (last.type === 'ArrowFunctionExpression' || last.type === 'FunctionExpression' || call.arguments.length > 1)) {
    return { reason: 'it takes a callback: write it as `const { Credentials } = await sts.' + method + '(params).promise()`, then run the fix again' };
  }
  const promise = call.parent;
  const promised = promise?.type === 'MemberExpression' && promise.object === call && staticPropertyName(promise) === 'promise' ? promise.parent : undefined;
  if (promised?.type !== 'CallExpression' || promised.callee !== promise || promised.arguments.length > 0) return { reason: 'its result is not awaited with `.promise()`' };
  return { action, site: call, awaited: promised.parent ?? promised, input: call.arguments[0], receiver: callee.object, sdk: 'v2', baseName: BASE_NAMES[action]! };
}

/** `new GetSessionTokenCommand(input)` in `await client.send(new GetSessionTokenCommand(input))`. */
export function v3StsCall(command: TSESTree.NewExpression, action: string): StsCall | { readonly reason: string } {
  const send = command.parent;
  if (send?.type !== 'CallExpression' || send.arguments.length !== 1 || send.arguments[0] !== command || send.callee.type !== 'MemberExpression' || staticPropertyName(send.callee) !== 'send') {
    return { reason: 'the command is not passed straight to `client.send()`' };
  }
  if (command.arguments.length > 1) return { reason: 'the command has more than one argument' };
  return { action, site: command, awaited: send.parent ?? send, input: command.arguments[0], receiver: send.callee.object, sdk: 'v3', baseName: BASE_NAMES[action] ?? 'stsCredentials' };
}

function indentUnit(text: string): string {
  return /^([ \t]+)\S/m.exec(text)?.[1] ?? '  ';
}

function lineIndent(text: string, offset: number): string {
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  return /^[ \t]*/.exec(text.slice(lineStart))?.[0] ?? '';
}

export function cachedStsCallPlan(call: StsCall, context: PlanContext): FixPlan {
  const { text, scopes } = context;
  if (!CACHED_STS_ACTIONS.has(call.action)) return manual(`${call.action} is not rewritten automatically`);
  const input = call.input ? unwrap(call.input) : undefined;
  if (input && input.type !== 'ObjectExpression') return manual('its input is not an object literal');
  const inputObject = input as TSESTree.ObjectExpression | undefined;
  const param = (name: string): TSESTree.Property | undefined =>
    inputObject?.properties.find((p): p is TSESTree.Property => p.type === 'Property' && !p.computed && staticPropertyName(p) === name);
  if (param('TokenCode')) return manual('its `TokenCode` is a one-time MFA code, so the call cannot be repeated on refresh');
  if (call.action !== 'GetSessionToken' && !param('RoleArn') && !inputObject?.properties.some((p) => p.type === 'SpreadElement')) return manual(`${call.action} without RoleArn`);

  const response = stsResponseOf(call.awaited, scopes, call.sdk);
  if ('reason' in response) return manual(`${response.reason}.`);
  const statement = topLevelStatement(response.declaration);
  if (!statement) return manual('the code is not inside a top-level statement');
  const insertAt = startWithLeadingComments(context.program, statement, text);
  const client = stsClientOf(call.receiver, scopes, text, insertAt);
  if ('reason' in client) return manual(`${client.reason}.`);
  const stability = inputObject ? stabilityOf(inputObject, { scopes, text, insertAt, isAllowedCall: () => false }) : ({ kind: 'static' } as const);
  if (stability.kind === 'unsafe') return manual(`${stability.reason}.`);
  const token = param('WebIdentityToken');
  if (stability.kind === 'varying' && token && stabilityOf(token.value, { scopes, text, insertAt, isAllowedCall: () => false }).kind !== 'static') {
    return manual('its web identity token varies per request: a shared entry per token is a cache of secrets; build one provider per token source by hand');
  }

  // The call, moved into the provider as written; the credentials it returns, read as the code read them.
  const [sink] = response.sinks;
  const expiration = sink ? expirationText(sink, text) : undefined;
  if (!sink || !expiration) return manual('cannot tell how the response\'s Credentials are read');
  const fieldText = (name: string): string | undefined => {
    const value = sink.fields.get(name);
    return value ? text.slice(value.range[0], value.range[1]) : undefined;
  };
  const returned = ['accessKeyId', 'secretAccessKey', 'sessionToken'].flatMap((name) => (fieldText(name) ? [`${name}: ${fieldText(name)}`] : []));
  returned.push(`expiration: ${expiration}`);
  const semi = usesSemicolons(text) ? ';' : '';
  const provider = (base: string): string => {
    const inner = base + indentUnit(text);
    const declaration = reindent(text, response.declaration).split('\n').map((line, i) => (i === 0 || line === '' ? line : inner + line)).join('\n');
    return `async () => {\n${inner}${declaration}\n${inner}return { ${returned.join(', ')} }${semi}\n${base}}`;
  };
  const v2 = (value: string): string => (call.sdk === 'v2' ? `toV2Credentials(${value})` : value);
  const name = context.names.allocate(call.baseName);
  const sinkEdits: TextEdit[] = response.sinks.map((each) => ({ range: [each.range[0], each.range[1]], text: each.replacement(name) }));
  const runtimeNames = (cache: string): RuntimeImport[] => [{ module: context.runtimeModule, names: call.sdk === 'v2' ? [cache, 'toV2Credentials'] : [cache] }];

  if (stability.kind === 'static') {
    const imports = runtimeNames('cacheCredentials');
    return {
      kind: 'hoist',
      description: `const ${name} = cacheCredentials(…) makes the ${call.action} call once and refreshes it before expiry`,
      edits: [
        ...importEdits(context, imports),
        hoistedDeclaration(context.program, text, insertAt, name, v2(`cacheCredentials(${provider('')})`)),
        { range: lineRange(text, response.declaration), text: '' },
        ...sinkEdits,
      ],
      imports,
    };
  }
  const key = stsCallKey(call.action, inputObject, client.client.config, { text, quote: preferredQuote(text), comments: context.program.comments ?? [] });
  if ('manual' in key) return manual(`its inputs vary per request (${stability.inputs.map((i) => `\`${i}\``).join(', ')}) and ${key.manual}.`);
  const shadowed = client.client.config && unwrap(call.receiver).type === 'Identifier' ? shadowedAt(client.client.config, call.site, scopes) : [];
  if (shadowed.length > 0) return manual(`its STS client's configuration reads ${shadowed.map((n) => `\`${n}\``).join(', ')}, which the request's code redeclares.`);
  const imports = runtimeNames('sharedCredentials');
  const declaration = response.declaration;
  const ending = text[declaration.range[1] - 1] === ';' ? ';' : '';
  return {
    kind: 'keyed',
    description: `sharedCredentials(${key.text}, …) makes the ${call.action} call once per distinct input and refreshes it before expiry`,
    edits: [
      ...importEdits(context, imports),
      { range: [declaration.range[0], declaration.range[1]], text: `const ${name} = ${v2(`sharedCredentials(${key.text}, () => ${provider(lineIndent(text, declaration.range[0]))})`)}${ending}` },
      ...sinkEdits,
    ],
    keyInputs: stability.inputs,
    imports,
  };
}
