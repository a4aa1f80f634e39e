// What a client's config says about `credentials`: the value it sets, none (the default chain), or
// 'opaque' when the config cannot be seen. Looked into: an object literal, a `const` bound to one
// (with the `config.credentials = …` writes that follow it), and a local function that builds and
// returns such an object (`new S3Client(buildConfig(storage))`).
import type { TSESTree } from '@typescript-eslint/utils';
import type { Scopes, VariableLike } from './scopes.js';
import { staticPropertyName, unwrap } from './walk.js';

export type ConfigCredentials = TSESTree.Node | 'opaque' | undefined;

export function credentialsOfConfig(config: TSESTree.Node | undefined, scopes: Scopes): ConfigCredentials {
  return config ? credentialsOf(unwrap(config), scopes, 0) : undefined;
}

function credentialsOf(config: TSESTree.Node, scopes: Scopes, depth: number): ConfigCredentials {
  if (depth > 3) return 'opaque';
  if (config.type === 'ObjectExpression') return ofLiteral(config);
  if (config.type === 'Identifier') {
    const bound = boundObject(config, scopes);
    if (!bound) return 'opaque';
    const literal = ofLiteral(bound.literal);
    if (literal === 'opaque') return literal;
    // `config.credentials = x` in the block that declares it always runs; inside an `if` it may not,
    // and the client falls back to the default chain on the other path.
    return credentialsWritten(bound.variable, bound.block) ?? literal;
  }
  if (config.type === 'CallExpression' && config.callee.type === 'Identifier') {
    const returned = returnedValue(config.callee, scopes);
    return returned ? credentialsOf(unwrap(returned), scopes, depth + 1) : 'opaque';
  }
  return 'opaque';
}

function ofLiteral(object: TSESTree.ObjectExpression): ConfigCredentials {
  let found: ConfigCredentials;
  for (const property of object.properties) {
    if (property.type === 'SpreadElement') found = ofSpread(unwrap(property.argument)) ?? found;
    else if (staticPropertyName(property) === 'credentials') found = property.value;
    else if (property.computed) found = 'opaque';
  }
  return found;
}

/**
 * `...(offline ? { endpoint } : {})`, `...(local && { endpoint })`: literals on every branch are
 * looked into; a spread that may set `credentials` on one branch only, or of anything else, is opaque.
 */
function ofSpread(argument: TSESTree.Node): ConfigCredentials {
  if (argument.type === 'ObjectExpression') return ofLiteral(argument);
  const branches =
    argument.type === 'ConditionalExpression' ? [argument.consequent, argument.alternate] : argument.type === 'LogicalExpression' && argument.operator === '&&' ? [argument.right] : undefined;
  if (!branches) return 'opaque';
  for (const branch of branches) {
    const inner = unwrap(branch);
    if (inner.type !== 'ObjectExpression' || ofLiteral(inner) !== undefined) return 'opaque';
  }
  return undefined;
}

interface BoundObject {
  readonly literal: TSESTree.ObjectExpression;
  readonly variable: VariableLike;
  /** The statement list the declaration is in. */
  readonly block: TSESTree.Node | undefined;
}

/** A variable declared once with an object literal and never reassigned (`const`, or `let` written once). */
function boundObject(identifier: TSESTree.Identifier, scopes: Scopes): BoundObject | undefined {
  const variable = scopes.findVariable(identifier);
  const def = variable?.defs.length === 1 ? variable.defs[0] : undefined;
  if (def?.type !== 'Variable' || def.node.type !== 'VariableDeclarator' || def.node.id.type !== 'Identifier' || def.parent?.type !== 'VariableDeclaration') return undefined;
  if (variable!.references.filter((reference) => reference.isWrite()).length > 1) return undefined;
  const init = def.node.init ? unwrap(def.node.init) : undefined;
  if (init?.type !== 'ObjectExpression') return undefined;
  return { literal: init, variable: variable!, block: def.parent.parent };
}

/** The last `x.credentials = value` written in the declaring block itself (not under an `if` or a loop). */
function credentialsWritten(variable: VariableLike, block: TSESTree.Node | undefined): TSESTree.Node | undefined {
  let always: TSESTree.Node | undefined;
  for (const reference of variable.references) {
    const member = reference.identifier.parent;
    if (member?.type !== 'MemberExpression' || member.object !== reference.identifier || staticPropertyName(member) !== 'credentials') continue;
    const assignment = member.parent;
    if (assignment?.type !== 'AssignmentExpression' || assignment.left !== member || assignment.operator !== '=') continue;
    if (assignment.parent?.type === 'ExpressionStatement' && assignment.parent.parent === block) always = assignment.right;
  }
  return always;
}

/** The value a local function returns when its body ends in a single `return x` (or it is an arrow with an expression body). */
function returnedValue(callee: TSESTree.Identifier, scopes: Scopes): TSESTree.Node | undefined {
  const variable = scopes.findVariable(callee);
  const def = variable?.defs.length === 1 ? variable.defs[0] : undefined;
  let fn: TSESTree.Node | null | undefined;
  if (def?.type === 'FunctionName') fn = def.node;
  else if (def?.type === 'Variable' && def.node.type === 'VariableDeclarator' && def.parent?.type === 'VariableDeclaration' && def.parent.kind === 'const') fn = def.node.init;
  if (fn?.type !== 'FunctionDeclaration' && fn?.type !== 'FunctionExpression' && fn?.type !== 'ArrowFunctionExpression') return undefined;
  if (fn.body.type !== 'BlockStatement') return fn.body;
  const returns = fn.body.body.filter((statement) => statement.type === 'ReturnStatement');
  const last = fn.body.body.at(-1);
  return returns.length === 1 && last?.type === 'ReturnStatement' && last.argument ? last.argument : undefined;
}
