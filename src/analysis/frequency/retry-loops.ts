// A loop that leaves on success (`while (attempt < n) { try { return await f(); } catch {} }`):
// on a working call its body runs once, so it is a retry, not a per-iteration cost.
import type { TSESTree } from '@typescript-eslint/utils';
import { isFunction } from '../walk.js';

type Loop = TSESTree.ForStatement | TSESTree.ForInStatement | TSESTree.ForOfStatement | TSESTree.WhileStatement | TSESTree.DoWhileStatement;

const LOOPS = new Set(['ForStatement', 'ForInStatement', 'ForOfStatement', 'WhileStatement', 'DoWhileStatement']);

/** The loop's body has a `try` whose block returns or breaks out of this loop. */
export function isRetryLoop(loop: Loop): boolean {
  return tries(loop.body).some((block) => exitsLoop(block));
}

/** `try` blocks directly in the body (through ifs and blocks, not nested loops or functions). */
function tries(node: TSESTree.Node): TSESTree.BlockStatement[] {
  switch (node.type) {
    case 'TryStatement':
      return [node.block];
    case 'BlockStatement':
      return node.body.flatMap(tries);
    case 'IfStatement':
      return [...tries(node.consequent), ...(node.alternate ? tries(node.alternate) : [])];
    case 'LabeledStatement':
      return tries(node.body);
    default:
      return [];
  }
}

/** A `return`, or a `break` of this loop, inside `node` (not in nested loops, switches or functions). */
function exitsLoop(node: TSESTree.Node): boolean {
  if (node.type === 'ReturnStatement') return true;
  if (node.type === 'BreakStatement') return node.label === null;
  if (isFunction(node) || LOOPS.has(node.type) || node.type === 'SwitchStatement') return false;
  switch (node.type) {
    case 'BlockStatement':
      return node.body.some(exitsLoop);
    case 'IfStatement':
      return exitsLoop(node.consequent) || (node.alternate ? exitsLoop(node.alternate) : false);
    case 'TryStatement':
      return exitsLoop(node.block);
    case 'LabeledStatement':
      return exitsLoop(node.body);
    default:
      return false;
  }
}
