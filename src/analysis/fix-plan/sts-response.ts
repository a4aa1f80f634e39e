// Where an awaited STS response goes: `const { Credentials } = await <call>` (or `const r = ...`
// read as `r.Credentials`) whose Credentials are used only to configure clients. Each such use is a
// sink the fix replaces with one shared provider:
//   credentials: { accessKeyId: C.AccessKeyId, secretAccessKey: C.SecretAccessKey, ... }  (v2 and v3)
//   new S3({ accessKeyId: C.AccessKeyId, secretAccessKey: ..., sessionToken: ..., region })  (v2: the fields in the client's config)
//   credentials: new AWS.Credentials(C.AccessKeyId, C.SecretAccessKey, C.SessionToken)      (v2)
// Any other use (logging the role, returning the credentials, reading AssumedRoleUser) keeps the
// call as it is, with the reason.
import type { TSESTree } from '@typescript-eslint/utils';
import type { Scopes, VariableLike } from '../scopes.js';
import { dottedName, staticPropertyName, unwrap } from '../walk.js';

/** Response field -> credentials field. */
const CREDENTIAL_FIELDS: Readonly<Record<string, string>> = {
  AccessKeyId: 'accessKeyId',
  SecretAccessKey: 'secretAccessKey',
  SessionToken: 'sessionToken',
  Expiration: 'expiration',
};
const V2_POSITIONAL = ['AccessKeyId', 'SecretAccessKey', 'SessionToken'];

export interface CredentialSink {
  /** The text replaced by the shared provider. */
  readonly range: readonly [number, number];
  /** What goes there, given the provider's name. */
  readonly replacement: (provider: string) => string;
  /** Credentials field (`accessKeyId` ...) -> the expression the code passed for it. */
  readonly fields: ReadonlyMap<string, TSESTree.Node>;
  /** How many credential fields the sink holds: every one must be read from the response. */
  readonly size: number;
}

export interface StsResponse {
  readonly declaration: TSESTree.VariableDeclaration;
  readonly sinks: readonly CredentialSink[];
}

export type StsResponseResult = StsResponse | { readonly reason: string };

/** The outermost node that still is `node` (through `!`, `as`, `?.` wrappers). */
function outer(node: TSESTree.Node): TSESTree.Node {
  let current = node;
  while (current.parent && (current.parent.type === 'TSNonNullExpression' || current.parent.type === 'TSAsExpression' || current.parent.type === 'ChainExpression')) {
    current = current.parent;
  }
  return current;
}

function referencesOf(variable: VariableLike, declarator: TSESTree.VariableDeclarator): TSESTree.Identifier[] {
  return variable.references
    .map((reference) => reference.identifier as TSESTree.Identifier)
    .filter((identifier) => identifier.range[0] < declarator.id.range[0] || identifier.range[1] > declarator.id.range[1]);
}

/**
 * The declaration that stores `awaited` (an `await <call>`) and the sinks of its Credentials.
 * `sdk: 'v3'` accepts only `credentials: { ... }` objects (v3 clients take nothing else).
 */
export function stsResponseOf(awaited: TSESTree.Node, scopes: Scopes, sdk: 'v2' | 'v3'): StsResponseResult {
  const declarator = awaited.parent;
  const declaration = declarator?.parent;
  if (awaited.type !== 'AwaitExpression' || declarator?.type !== 'VariableDeclarator' || declarator.init !== awaited || declaration?.type !== 'VariableDeclaration' || declaration.declarations.length !== 1) {
    return { reason: 'the response is not stored in one `const` declaration' };
  }
  if (declaration.kind !== 'const') return { reason: `the response is stored in a \`${declaration.kind}\`, which may be reassigned` };
  if (declaration.parent?.type !== 'BlockStatement' && declaration.parent?.type !== 'Program') return { reason: 'the declaration is not a plain statement' };

  // Every read of the response's Credentials.
  const uses: TSESTree.Node[] = [];
  if (declarator.id.type === 'ObjectPattern') {
    const [only] = declarator.id.properties;
    if (declarator.id.properties.length !== 1 || only?.type !== 'Property' || staticPropertyName(only) !== 'Credentials' || only.value.type !== 'Identifier') {
      return { reason: 'the response is destructured into more than `Credentials`' };
    }
    const name = only.value.name;
    const variable = scopes.declaredVariables(declarator).find((candidate) => candidate.name === name);
    if (!variable) return { reason: 'cannot follow the destructured Credentials' };
    uses.push(...referencesOf(variable, declarator));
  } else if (declarator.id.type === 'Identifier') {
    const variable = scopes.declaredVariables(declarator)[0];
    if (!variable) return { reason: 'cannot follow the response' };
    for (const reference of referencesOf(variable, declarator)) {
      const member = outer(reference).parent;
      if (member?.type !== 'MemberExpression' || member.object !== outer(reference) || staticPropertyName(member) !== 'Credentials') {
        return { reason: `the response is used for more than its Credentials (\`${variable.name}\`)` };
      }
      uses.push(member);
    }
  } else {
    return { reason: 'the response is not stored in a plain variable' };
  }
  if (uses.length === 0) return { reason: 'its Credentials are never used' };

  const sinks = new Map<number, CredentialSink>();
  for (const use of uses) {
    const sink = sinkOf(use, sdk);
    if (!sink) return { reason: "its Credentials are used for more than a client's credentials" };
    const known = sinks.get(sink.range[0]);
    sinks.set(sink.range[0], known ? { ...known, fields: new Map([...known.fields, ...sink.fields]) } : sink);
  }
  for (const sink of sinks.values()) {
    if (!sink.fields.has('accessKeyId') || !sink.fields.has('secretAccessKey') || sink.fields.size !== sink.size) return { reason: "a client's credentials are not all read from the response" };
  }
  return { declaration, sinks: [...sinks.values()] };
}

/** The sink a read of `Credentials` (`use`) belongs to, with the field it fills. */
function sinkOf(use: TSESTree.Node, sdk: 'v2' | 'v3'): CredentialSink | undefined {
  const member = outer(use).parent;
  if (member?.type !== 'MemberExpression' || member.object !== outer(use)) return undefined;
  const responseField = staticPropertyName(member);
  const field = responseField ? CREDENTIAL_FIELDS[responseField] : undefined;
  if (!field) return undefined;
  const value = outer(member);
  const parent = value.parent;
  // new AWS.Credentials(C.AccessKeyId, C.SecretAccessKey, C.SessionToken) as a client's `credentials`
  if (sdk === 'v2' && parent?.type === 'NewExpression' && /(^|\.)Credentials$/.test(dottedName(parent.callee) ?? '')) {
    const index = parent.arguments.indexOf(value as TSESTree.CallExpressionArgument);
    if (index < 0 || V2_POSITIONAL[index] !== responseField || parent.arguments.length > V2_POSITIONAL.length) return undefined;
    const holder = outer(parent).parent;
    if (holder?.type !== 'Property' || staticPropertyName(holder) !== 'credentials' || holder.value !== outer(parent)) return undefined;
    return { range: parent.range, replacement: (provider) => provider, fields: new Map([[field, value]]), size: parent.arguments.length };
  }
  if (parent?.type !== 'Property' || parent.value !== value || parent.computed || staticPropertyName(parent) !== field) return undefined;
  const object = parent.parent;
  if (object?.type !== 'ObjectExpression') return undefined;
  const names = object.properties.map((p) => (p.type === 'Property' && !p.computed ? staticPropertyName(p) : undefined));
  const credentialNames = Object.values(CREDENTIAL_FIELDS);
  if (names.every((name) => name !== undefined && credentialNames.includes(name))) {
    // A credentials object of its own: `credentials: { ... }` (or `new AWS.Credentials({ ... })` in v2).
    const holder = outer(object).parent;
    const isCredentials = holder?.type === 'Property' && staticPropertyName(holder) === 'credentials' && holder.value === outer(object);
    const isV2Credentials = sdk === 'v2' && holder?.type === 'NewExpression' && holder.arguments.length === 1 && /(^|\.)Credentials$/.test(dottedName(holder.callee) ?? '') && outer(holder).parent?.type === 'Property' && staticPropertyName(outer(holder).parent as TSESTree.Property) === 'credentials';
    const size = object.properties.length;
    if (isCredentials) return { range: object.range, replacement: (provider) => provider, fields: new Map([[field, value]]), size };
    if (isV2Credentials) return { range: holder.range, replacement: (provider) => provider, fields: new Map([[field, value]]), size };
    if (sdk === 'v3') return undefined;
  }
  if (sdk === 'v3') return undefined;
  // v2: the key fields inside a client's own configuration, next to each other, replaced by `credentials`.
  const client = outer(object).parent;
  if (client?.type !== 'NewExpression' || client.arguments[0] !== outer(object)) return undefined;
  if (object.properties.some((p) => p.type !== 'Property' || p.computed)) return undefined;
  if (names.includes('credentials')) return undefined;
  const indices = names.map((name, i) => (name === 'accessKeyId' || name === 'secretAccessKey' || name === 'sessionToken' ? i : -1)).filter((i) => i >= 0);
  const first = indices[0]!;
  const last = indices[indices.length - 1]!;
  if (last - first + 1 !== indices.length) return undefined;
  return {
    range: [object.properties[first]!.range[0], object.properties[last]!.range[1]],
    replacement: (provider) => `credentials: ${provider}`,
    fields: new Map([[field, value]]),
    size: indices.length,
  };
}

/** The text that reads the response's `Expiration`, written the way the code reads its other fields (`Credentials!.Expiration`). */
export function expirationText(sink: CredentialSink, text: string): string | undefined {
  const existing = sink.fields.get('expiration');
  if (existing) return text.slice(existing.range[0], existing.range[1]);
  const accessKey = sink.fields.get('accessKeyId');
  let member = accessKey ? unwrap(accessKey) : undefined;
  if (member?.type !== 'MemberExpression') return undefined;
  member = member as TSESTree.MemberExpression;
  return `${text.slice(member.object.range[0], member.object.range[1])}.Expiration`;
}
