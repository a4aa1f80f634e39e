// Code that changes the AWS_* environment variables at run time (`process.env.AWS_ACCESS_KEY_ID =
// …`, `delete process.env.AWS_PROFILE`, `Object.assign(process.env, …)`) switches identity by
// hand: a client or default chain built per call picks up whoever is current, a shared one keeps
// the first identity it resolves. In such a file no fix may share one.
import type { TSESTree } from '@typescript-eslint/utils';
import { childNodes, dottedName, staticPropertyName } from '../walk.js';

const known = new WeakMap<TSESTree.Program, boolean>();

export const ENVIRONMENT_SWITCH_REASON =
  'this file changes AWS_* environment variables at run time (switching identity by hand): a shared client or provider would keep signing as the first identity it resolves, so no fix is applied; share one per identity by hand.';

/** `process.env.AWS_X` or `process.env['AWS_X']`. */
function isAwsVariable(node: TSESTree.Node): boolean {
  if (node.type !== 'MemberExpression' || dottedName(node.object) !== 'process.env') return false;
  const name = node.computed && node.property.type === 'Literal' ? String(node.property.value) : staticPropertyName(node);
  return (name ?? '').startsWith('AWS_') || (node.computed && node.property.type !== 'Literal');
}

export function switchesAwsEnvironment(program: TSESTree.Program): boolean {
  const cached = known.get(program);
  if (cached !== undefined) return cached;
  let found = false;
  const stack: TSESTree.Node[] = [program];
  while (stack.length > 0 && !found) {
    const node = stack.pop()!;
    if (node.type === 'AssignmentExpression' && isAwsVariable(node.left)) found = true;
    else if (node.type === 'UnaryExpression' && node.operator === 'delete' && isAwsVariable(node.argument)) found = true;
    else if (node.type === 'CallExpression' && dottedName(node.callee) === 'Object.assign' && node.arguments[0] && dottedName(node.arguments[0]) === 'process.env') found = true;
    else stack.push(...childNodes(node));
  }
  known.set(program, found);
  return found;
}
