// The fix plan for a per-request `await client.send(new AssumeRoleCommand({...}))` whose
// Credentials only feed SDK v3 `credentials` objects. Its rewrite spans several statements:
//   const { Credentials } = await sts.send(new AssumeRoleCommand(input));   -> removed (hoist) or
//                                                                              const x = sharedCredentials(key, () => fromTemporaryCredentials(...)) (keyed)
//   credentials: { accessKeyId: Credentials.AccessKeyId, ... }              -> credentials: x
// with a module-scope `cacheCredentials(fromTemporaryCredentials(options))` when the input is
// module-stable. Anything else returns a reason and stays manual.
import type { TSESTree } from '@typescript-eslint/utils';
import { type PlanContext, hoistedDeclaration, preferredQuote } from './plans.js';
import { startWithLeadingComments } from './imports.js';
import { stabilityOf, type Stability } from './stability.js';
import type { Scopes, VariableLike } from '../scopes.js';
import type { FixPlan, TextEdit } from '../types.js';
import { fromTemporaryCredentialsOptions } from './assume-role-options.js';

export const PROVIDERS_MODULE = '@aws-sdk/credential-providers';
const FIELDS: Readonly<Record<string, string>> = {
  AccessKeyId: 'accessKeyId',
  SecretAccessKey: 'secretAccessKey',
  SessionToken: 'sessionToken',
  Expiration: 'expiration',
};

export type StsPlanResult = { readonly plan: FixPlan } | { readonly reason: string };

const why = (reason: string): StsPlanResult => ({ reason });

function unwrapTs(node: TSESTree.Node): TSESTree.Node {
  let current = node;
  while (current.type === 'TSNonNullExpression' || current.type === 'TSAsExpression' || current.type === 'ChainExpression') current = current.expression;
  return current;
}

/** The outermost node that still is `node` (through `!`, `as`, `?.` wrappers and parentheses). */
function outer(node: TSESTree.Node): TSESTree.Node {
  let current = node;
  while (current.parent && (current.parent.type === 'TSNonNullExpression' || current.parent.type === 'TSAsExpression' || current.parent.type === 'ChainExpression')) {
    current = current.parent;
  }
  return current;
}

function propertyName(property: TSESTree.Property | TSESTree.MemberExpression): string | undefined {
  const key = property.type === 'Property' ? property.key : property.property;
  if (property.computed) return key.type === 'Literal' && typeof key.value === 'string' ? key.value : undefined;
  return key.type === 'Identifier' ? key.name : key.type === 'Literal' && typeof key.value === 'string' ? key.value : undefined;
}

/**
 * `value` is a use of the AssumeRole result's Credentials: it must be read as
 * `.AccessKeyId`/`.SecretAccessKey`/`.SessionToken`/`.Expiration` into the matching field of a
 * credentials object literal made only of those fields. Returns that object.
 */
function credentialsObjectOf(value: TSESTree.Node): TSESTree.ObjectExpression | undefined {
  const member = outer(value).parent;
  if (member?.type !== 'MemberExpression' || unwrapTs(member.object) !== unwrapTs(outer(value)) && member.object !== outer(value)) return undefined;
  const field = propertyName(member);
  if (!field || !FIELDS[field]) return undefined;
  const property = outer(member).parent;
  if (property?.type !== 'Property' || property.value !== outer(member) || propertyName(property) !== FIELDS[field]) return undefined;
  const object = property.parent;
  if (object?.type !== 'ObjectExpression') return undefined;
  const names = object.properties.map(p => (p.type === 'Property' ? propertyName(p) : undefined));
  if (names.some(name => !name || !Object.values(FIELDS).includes(name))) return undefined;
  if (!names.includes('accessKeyId') || !names.includes('secretAccessKey')) return undefined;
  return object;
}

function referencesOf(variable: VariableLike, declarator: TSESTree.VariableDeclarator): TSESTree.Identifier[] {
  return variable.references
    .map(reference => reference.identifier as TSESTree.Identifier)
    .filter(identifier => identifier.range[0] < declarator.id.range[0] || identifier.range[1] > declarator.id.range[1]);
}

/** The STS client's constructor argument, when `client` is a module-level `const x = new STSClient({...})`. */
function clientConfigOf(client: TSESTree.Node, scopes: Scopes): TSESTree.ObjectExpression | undefined {
  if (client.type !== 'Identifier') return undefined;
  const variable = scopes.findVariable(client);
  const def = variable?.defs[0];
  if (!variable || !def || !scopes.isModuleLevel(variable.scope)) return undefined;
  const declarator = def.node as TSESTree.Node;
  if (declarator.type !== 'VariableDeclarator' || declarator.init?.type !== 'NewExpression') return undefined;
  const argument = declarator.init.arguments[0];
  if (!argument || argument.type !== 'ObjectExpression' || argument.properties.length === 0) return undefined;
  return argument;
}

function lineRange(text: string, node: TSESTree.Node): [number, number] {
  let start = node.range[0];
  while (start > 0 && (text[start - 1] === ' ' || text[start - 1] === '\t')) start -= 1;
  let end = node.range[1];
  while (end < text.length && (text[end] === ' ' || text[end] === '\t')) end += 1;
  if (text[end] === '\r') end += 1;
  if (text[end] === '\n') end += 1;
  return [start, end];
}

/**
 * Removes `AssumeRoleCommand` from `import { A, AssumeRoleCommand } from ...` (or a destructured
 * require) when this site was its only use. Only from a list that keeps other names, so the edit
 * never touches where the imports of the fix are inserted.
 */
function unusedImportEdit(callee: TSESTree.Node, scopes: Scopes): TextEdit | undefined {
  if (callee.type !== 'Identifier') return undefined;
  const variable = scopes.findVariable(callee);
  const def = variable?.defs[0];
  if (!variable || !def || variable.references.length !== 1) return undefined;
  let element: TSESTree.Node = def.node;
  if (def.type === 'Variable' && def.node.type === 'VariableDeclarator' && def.node.id.type === 'ObjectPattern') {
    element = def.node.id.properties.find(property => property.value?.range[0] === def.name.range[0]) ?? def.node;
  }
  const list =
    element.type === 'ImportSpecifier' && element.parent.type === 'ImportDeclaration'
      ? element.parent.specifiers
      : element.type === 'Property' && element.parent.type === 'ObjectPattern'
        ? element.parent.properties
        : undefined;
  if (!list || list.length < 2 || (element.type === 'ImportSpecifier' && list.some(other => other.type !== 'ImportSpecifier'))) return undefined;
  const index = (list as readonly TSESTree.Node[]).indexOf(element);
  return index < list.length - 1
    ? { range: [element.range[0], list[index + 1]!.range[0]], text: '' }
    : { range: [list[index - 1]!.range[1], element.range[1]], text: '' };
}

function keyOf(input: TSESTree.ObjectExpression, text: string, quote: string): string | undefined {
  const fields = [`source: ${quote}AssumeRole${quote}`];
  for (const property of input.properties) {
    if (property.type !== 'Property' || property.computed) return undefined;
    const name = propertyName(property);
    if (!name) return undefined;
    if (name === 'TokenCode') continue;
    const value = text.slice(property.value.range[0], property.value.range[1]).replace(/\s*\n\s*/g, ' ');
    fields.push(property.shorthand ? name : `${name}: ${value}`);
  }
  return `{ ${fields.join(', ')} }`;
}

export function assumeRolePlan(command: TSESTree.NewExpression, exportName: string, context: PlanContext): StsPlanResult {
  const { text, scopes } = context;
  if (exportName !== 'AssumeRoleCommand') return why('not an AssumeRoleCommand');
  const input = command.arguments[0];
  if (command.arguments.length !== 1 || input?.type !== 'ObjectExpression') return why('its input is not an object literal');
  const send = command.parent;
  if (send?.type !== 'CallExpression' || send.arguments.length !== 1 || send.callee.type !== 'MemberExpression' || propertyName(send.callee) !== 'send') {
    return why('the command is not passed straight to `client.send()`');
  }
  const awaited = send.parent;
  const declarator = awaited?.type === 'AwaitExpression' ? awaited.parent : undefined;
  const declaration = declarator?.parent;
  if (declarator?.type !== 'VariableDeclarator' || declaration?.type !== 'VariableDeclaration' || declaration.declarations.length !== 1) {
    return why('the response is not stored in one `const` declaration');
  }
  if (declaration.parent?.type !== 'BlockStatement' && declaration.parent?.type !== 'Program') return why('the declaration is not a plain statement');

  // Every use of the response's Credentials, each inside a credentials object literal.
  const uses: TSESTree.Node[] = [];
  if (declarator.id.type === 'ObjectPattern') {
    const [only] = declarator.id.properties;
    if (declarator.id.properties.length !== 1 || only?.type !== 'Property' || propertyName(only) !== 'Credentials' || only.value.type !== 'Identifier') {
      return why('the response is destructured into more than `Credentials`');
    }
    const variable = scopes.declaredVariables(declarator).find(candidate => candidate.name === (only.value as TSESTree.Identifier).name);
    if (!variable) return why('cannot follow the destructured Credentials');
    uses.push(...referencesOf(variable, declarator));
  } else if (declarator.id.type === 'Identifier') {
    const variable = scopes.declaredVariables(declarator)[0];
    if (!variable) return why('cannot follow the response');
    for (const reference of referencesOf(variable, declarator)) {
      const member = outer(reference).parent;
      if (member?.type !== 'MemberExpression' || propertyName(member) !== 'Credentials') return why(`the response is used for more than its Credentials (\`${variable.name}\`)`);
      uses.push(member);
    }
  } else {
    return why('the response is not stored in a plain variable');
  }
  if (uses.length === 0) return why('its Credentials are never used');
  const objects = new Map<number, TSESTree.ObjectExpression>();
  for (const use of uses) {
    const object = credentialsObjectOf(use);
    if (!object) return why('its Credentials are used for more than a client\'s `credentials` object');
    objects.set(object.range[0], object);
  }

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
  const importsProviders = context.program.body.some(node => node.type === 'ImportDeclaration' && node.source.value === PROVIDERS_MODULE) || text.includes(`require('${PROVIDERS_MODULE}')`) || text.includes(`require("${PROVIDERS_MODULE}")`);
  if (!importsProviders && !context.availableModules.has(PROVIDERS_MODULE)) {
    return why(`the fix needs ${PROVIDERS_MODULE}, which is not among the project's dependencies: add it, then run the fix again`);
  }

  // The internal STS client gets the calling client's configuration when it is plain module data.
  const clientConfig = clientConfigOf(send.callee.object, scopes);
  const clientConfigUsable = clientConfig !== undefined && stabilityOf(clientConfig, { scopes, text, insertAt, isAllowedCall: () => false }).kind === 'static';
  const withClient = clientConfigUsable
    ? options.text.replace(/ }$/, `, clientConfig: ${text.slice(clientConfig.range[0], clientConfig.range[1])} }`)
    : options.text;
  const providerCall = `fromTemporaryCredentials(${withClient})`;
  const name = context.names.allocate('assumedRoleCredentials');
  const unusedImport = unusedImportEdit(command.callee, scopes);
  const replaceObjects: TextEdit[] = [
    ...[...objects.values()].map((object): TextEdit => ({ range: [object.range[0], object.range[1]], text: name })),
    ...(unusedImport ? [unusedImport] : []),
  ];
  const providersImport = { module: PROVIDERS_MODULE, names: ['fromTemporaryCredentials'] };

  if (stability.kind === 'static') {
    const edits: TextEdit[] = [
      hoistedDeclaration(text, insertAt, name, `cacheCredentials(${providerCall})`),
      { range: lineRange(text, declaration), text: '' },
      ...replaceObjects,
    ];
    return {
      plan: {
        kind: 'hoist',
        description: `const ${name} = cacheCredentials(fromTemporaryCredentials(…)) replaces the AssumeRole call`,
        edits,
        imports: [{ module: context.runtimeModule, names: ['cacheCredentials'] }, providersImport],
      },
    };
  }
  const key = keyOf(input, text, preferredQuote(text));
  if (!key) return why('its input is not plain data, so no cache key can be built from it.');
  const edits: TextEdit[] = [
    { range: [declaration.range[0], declaration.range[1]], text: `const ${name} = sharedCredentials(${key}, () => ${providerCall})${text[declaration.range[1] - 1] === ';' ? ';' : ''}` },
    ...replaceObjects,
  ];
  return {
    plan: {
      kind: 'keyed',
      description: `sharedCredentials(${key}, () => fromTemporaryCredentials(…)) replaces the AssumeRole call`,
      edits,
      keyInputs: stability.inputs,
      imports: [{ module: context.runtimeModule, names: ['sharedCredentials'] }, providersImport],
    },
  };
}
