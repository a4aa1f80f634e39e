// One iterative pass over the tree: sets parent pointers (the codemod's parser does not) and
// collects the nodes the analysis starts from.
import type { TSESTree } from '@typescript-eslint/utils';
import { visitorKeys } from '@typescript-eslint/visitor-keys';

export interface Collected {
  readonly calls: TSESTree.CallExpression[];
  readonly news: TSESTree.NewExpression[];
  readonly assignments: TSESTree.AssignmentExpression[];
  readonly declarators: TSESTree.VariableDeclarator[];
  readonly imports: (TSESTree.ImportDeclaration | TSESTree.TSImportEqualsDeclaration)[];
  readonly jsx: TSESTree.Node[];
}

export function collect(program: TSESTree.Program): Collected {
  const found: Collected = { calls: [], news: [], assignments: [], declarators: [], imports: [], jsx: [] };
  const stack: TSESTree.Node[] = [program];
  while (stack.length > 0) {
    const node = stack.pop()!;
    switch (node.type) {
      case 'CallExpression': found.calls.push(node); break;
      case 'NewExpression': found.news.push(node); break;
      case 'AssignmentExpression': found.assignments.push(node); break;
      case 'VariableDeclarator': found.declarators.push(node); break;
      case 'ImportDeclaration': case 'TSImportEqualsDeclaration': found.imports.push(node); break;
      case 'JSXElement': case 'JSXFragment': found.jsx.push(node); break;
    }
    const keys = (visitorKeys as Record<string, readonly string[] | undefined>)[node.type] ?? [];
    for (const key of keys) {
      const child = (node as unknown as Record<string, unknown>)[key];
      if (Array.isArray(child)) {
        for (const item of child) if (isNode(item)) push(stack, item, node);
      } else if (isNode(child)) {
        push(stack, child, node);
      }
    }
  }
  return found;
}

function push(stack: TSESTree.Node[], child: TSESTree.Node, parent: TSESTree.Node): void {
  if (child.parent !== parent) (child as { parent: TSESTree.Node }).parent = parent;
  stack.push(child);
}

function isNode(value: unknown): value is TSESTree.Node {
  return typeof value === 'object' && value !== null && typeof (value as { type?: unknown }).type === 'string';
}

/** Skips wrappers that do not change a value: parentheses are not nodes; these are. */
export function unwrap(node: TSESTree.Node): TSESTree.Node {
  let current = node;
  while (
    current.type === 'TSAsExpression' || current.type === 'TSNonNullExpression' || current.type === 'TSSatisfiesExpression' ||
    current.type === 'ChainExpression' || current.type === 'TSTypeAssertion'
  ) {
    current = current.expression;
  }
  return current;
}

/** The nearest ancestor that is not a value-preserving wrapper, and the child it was reached from. */
export function outerParent(node: TSESTree.Node): { parent: TSESTree.Node | undefined; child: TSESTree.Node } {
  let child = node;
  let parent = node.parent;
  while (
    parent && (parent.type === 'TSAsExpression' || parent.type === 'TSNonNullExpression' || parent.type === 'TSSatisfiesExpression' ||
      parent.type === 'ChainExpression' || parent.type === 'TSTypeAssertion')
  ) {
    child = parent;
    parent = parent.parent;
  }
  return { parent, child };
}

export function staticPropertyName(node: TSESTree.MemberExpression | TSESTree.Property): string | undefined {
  const key = node.type === 'MemberExpression' ? node.property : node.key;
  if (!node.computed && key.type === 'Identifier') return key.name;
  if (key.type === 'Literal' && typeof key.value === 'string') return key.value;
  if (key.type === 'PrivateIdentifier') return undefined;
  return undefined;
}

export type FunctionNode = TSESTree.FunctionDeclaration | TSESTree.FunctionExpression | TSESTree.ArrowFunctionExpression;

export function isFunction(node: TSESTree.Node | undefined): node is FunctionNode {
  return node?.type === 'FunctionDeclaration' || node?.type === 'FunctionExpression' || node?.type === 'ArrowFunctionExpression';
}

export function enclosingFunction(node: TSESTree.Node): FunctionNode | undefined {
  for (let current = node.parent; current; current = current.parent) if (isFunction(current)) return current;
  return undefined;
}

/** `a.b.c` for an identifier/member chain, else undefined. */
export function dottedName(node: TSESTree.Node): string | undefined {
  const inner = unwrap(node);
  if (inner.type === 'Identifier') return inner.name;
  if (inner.type === 'ThisExpression') return 'this';
  if (inner.type === 'MemberExpression') {
    const object = dottedName(inner.object);
    const property = staticPropertyName(inner);
    return object !== undefined && property !== undefined ? `${object}.${property}` : undefined;
  }
  return undefined;
}

/** The child nodes of `node` (every AST-valued property but `parent`). */
export function childNodes(node: TSESTree.Node): TSESTree.Node[] {
  const children: TSESTree.Node[] = [];
  for (const key of Object.keys(node)) {
    if (key === 'parent') continue;
    const value = (node as unknown as Record<string, unknown>)[key];
    for (const item of Array.isArray(value) ? value : [value]) {
      if (item && typeof item === 'object' && typeof (item as { type?: unknown }).type === 'string') children.push(item as TSESTree.Node);
    }
  }
  return children;
}
