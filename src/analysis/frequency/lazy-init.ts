// Lazy initialisation read from the AST: code that runs only when a kept value is missing
// (`if (!x) x = …`, `if (!cache.has(k)) cache.set(k, …)`, `if (!this.c || expired(this.c))`), code
// after an early return of the kept value (`if (cache.has(k)) return cache.get(k); … cache.set(k, v)`),
// and a value built on every call that only reaches a cache on a miss.
import type { TSESTree } from '@typescript-eslint/utils';
import type { Scopes, VariableLike } from '../scopes.js';
import { childNodes, dottedName, enclosingFunction, isFunction, staticPropertyName, unwrap } from '../walk.js';

/** What a test checks: a plain name (`x`, `this.c`), a keyed container (`m.has(k)`, `o[k]`). */
interface Target {
  readonly name: string;
  readonly keyed: boolean;
}

/** `!x`, `x == null`, `x === undefined`, `typeof x === 'undefined'`, `!m.has(k)`, `!m.get(k)`, `!o[k]`, and `a || b` where either is one. */
function missingTargets(test: TSESTree.Node): Target[] {
  const node = unwrap(test);
  if (node.type === 'LogicalExpression' && node.operator === '||') return [...missingTargets(node.left), ...missingTargets(node.right)];
  if (node.type === 'UnaryExpression' && node.operator === '!') return presentTargets(node.argument);
  if (node.type === 'BinaryExpression' && (node.operator === '==' || node.operator === '===')) {
    const other = isNullish(node.right) ? node.left : isNullish(node.left) ? node.right : undefined;
    if (!other) return [];
    return presentTargets(other.type === 'UnaryExpression' && other.operator === 'typeof' ? other.argument : other);
  }
  return [];
}

/** What a truthy test checks is there: `x`, `m.has(k)`, `m.get(k)`, `o[k]`, `x != null`, and `a && b`. */
function presentTargets(test: TSESTree.Node): Target[] {
  const node = unwrap(test);
  if (node.type === 'LogicalExpression' && node.operator === '&&') return [...presentTargets(node.left), ...presentTargets(node.right)];
  if (node.type === 'BinaryExpression' && (node.operator === '!=' || node.operator === '!==')) {
    const other = isNullish(node.right) ? node.left : isNullish(node.left) ? node.right : undefined;
    return other ? presentTargets(other) : [];
  }
  if (node.type === 'CallExpression' && node.callee.type === 'MemberExpression') {
    const method = staticPropertyName(node.callee);
    const container = dottedName(node.callee.object);
    return (method === 'has' || method === 'get') && container ? [{ name: container, keyed: true }] : [];
  }
  if (node.type === 'MemberExpression' && node.computed) {
    const container = dottedName(node.object);
    return container ? [{ name: container, keyed: true }] : [];
  }
  const name = dottedName(node);
  return name ? [{ name, keyed: false }] : [];
}

function isNullish(node: TSESTree.Node): boolean {
  return (node.type === 'Literal' && (node.value === null || node.value === 'undefined')) || (node.type === 'Identifier' && node.name === 'undefined');
}

/** Every node under `root`, not entering nested functions. */
function* nodesIn(root: TSESTree.Node): Generator<TSESTree.Node> {
  const stack: TSESTree.Node[] = [root];
  while (stack.length > 0) {
    const node = stack.pop()!;
    yield node;
    for (const child of childNodes(node)) if (!isFunction(child)) stack.push(child);
  }
}

/** `root` stores into the target: `x = …`, `x ??= …`, `m.set(k, …)`, `o[k] = …`. */
function storesInto(root: TSESTree.Node, target: Target): boolean {
  for (const node of nodesIn(root)) {
    if (node.type === 'AssignmentExpression') {
      const left = unwrap(node.left);
      if (!target.keyed && dottedName(left) === target.name) return true;
      if (target.keyed && left.type === 'MemberExpression' && left.computed && dottedName(left.object) === target.name) return true;
      // `this.cache[k] = …` when the check was `this.cache` itself
      if (!target.keyed && left.type === 'MemberExpression' && dottedName(left.object) === target.name) return true;
    }
    if (node.type === 'CallExpression' && node.callee.type === 'MemberExpression' && staticPropertyName(node.callee) === 'set') {
      if (dottedName(node.callee.object) === target.name) return true;
    }
  }
  return false;
}

/** `X` of every `X.set(…)` under `root`. */
function setContainers(root: TSESTree.Node): string[] {
  const names: string[] = [];
  for (const node of nodesIn(root)) {
    if (node.type === 'CallExpression' && node.callee.type === 'MemberExpression' && staticPropertyName(node.callee) === 'set') {
      const name = dottedName(node.callee.object);
      if (name) names.push(name);
    }
  }
  return names;
}

export class LazyInitialisation {
  constructor(private readonly scopes: Scopes) {}

  /** `if (<missing>) { <store> }` and `<missing> ? <store> : …` whose kept value outlives the call. */
  isMissBranch(node: TSESTree.IfStatement | TSESTree.ConditionalExpression): boolean {
    for (const target of missingTargets(node.test)) {
      if (!storesInto(node.consequent, target)) continue;
      if (this.outlivesCall(node, target.name)) return true;
      // `let p = cache.get(k); if (!p) { p = …; cache.set(k, p) }`: the cache must outlive the call.
      const containers = [...this.containerBehind(node, target).map((c) => c.name), ...setContainers(node.consequent)];
      if (containers.some((name) => this.outlivesCall(node, name))) return true;
    }
    return false;
  }

  /**
   * `statement` follows, in the same block, an early return of the kept value
   * (`if (cache.has(k)) return cache.get(k);`, `if (this.client) return this.client;`), and the block
   * stores into it (`cache.set(k, v)`, `this.client = v`).
   */
  followsEarlyReturn(block: TSESTree.BlockStatement | TSESTree.Program, statement: TSESTree.Node): boolean {
    const index = (block.body as TSESTree.Node[]).indexOf(statement);
    if (index <= 0) return false;
    for (const earlier of block.body.slice(0, index)) {
      const targets = this.earlyReturnTargets(earlier);
      if (targets.some((target) => block.body.slice(index).some((later) => storesInto(later, target)) && this.outlivesCall(earlier, target.name))) return true;
    }
    return false;
  }

  /** `if (present) return …` or `if (present) { return … }`, and `const c = m.get(k); if (c) return c`. */
  private earlyReturnTargets(statement: TSESTree.Node): Target[] {
    if (statement.type !== 'IfStatement') return [];
    const last = statement.consequent.type === 'BlockStatement' ? statement.consequent.body.at(-1) : statement.consequent;
    // `if (busy) return;` is a guard, not a cache: a kept value is returned.
    if (last?.type !== 'ReturnStatement' || !last.argument) return [];
    const targets = presentTargets(statement.test);
    // `const c = cache.get(k); if (c) return c;`: the name stands for the cache.
    return targets.flatMap((target) => [target, ...this.containerBehind(statement, target)]);
  }

  private containerBehind(from: TSESTree.Node, target: Target): Target[] {
    if (target.keyed || target.name.includes('.')) return [];
    const variable = this.findByName(from, target.name);
    const declarator = variable?.defs[0]?.node;
    if (declarator?.type !== 'VariableDeclarator' || !declarator.init) return [];
    const init = unwrap(declarator.init.type === 'AwaitExpression' ? declarator.init.argument : declarator.init);
    return presentTargets(init).filter((inner) => inner.keyed || inner.name !== target.name);
  }

  /**
   * A value built on every call that only reaches a cache on a miss:
   * `const p = fromIni(); if (!cache.has(k)) cache.set(k, p); return cache.get(k);`.
   */
  flowsOnlyIntoMiss(node: TSESTree.Node): boolean {
    const declarator = node.parent;
    if (declarator?.type !== 'VariableDeclarator' || declarator.init !== node || declarator.id.type !== 'Identifier') return false;
    const variable = this.scopes.declaredVariables(declarator).find((v) => v.name === (declarator.id as TSESTree.Identifier).name);
    const reads = variable?.references.filter((reference) => !reference.init && reference.identifier !== declarator.id) ?? [];
    if (reads.length === 0) return false;
    return reads.every((reference) => {
      for (let current: TSESTree.Node | undefined = reference.identifier as TSESTree.Node; current && current !== declarator.parent?.parent; current = current.parent) {
        const parent: TSESTree.Node | undefined = current.parent;
        if ((parent?.type === 'IfStatement' || parent?.type === 'ConditionalExpression') && parent.consequent === current && this.isMissBranch(parent)) return true;
      }
      return false;
    });
  }

  /** The variable at the root of `dotted` outlives the call that runs `node` (a cache, not a local). */
  outlivesCall(node: TSESTree.Node, dotted: string): boolean {
    const root = dotted.split('.')[0]!;
    if (root === 'this' || root === 'globalThis' || root === 'global' || root === 'window') return true;
    const fn = enclosingFunction(node);
    const variable = this.findByName(node, root);
    if (!variable) return false;
    if (isRefHolder(variable)) return true; // React: `if (!ref.current) ref.current = …`
    const definition = variable.defs[0]?.name;
    return !fn || !(definition && definition.range[0] >= fn.range[0] && definition.range[1] <= fn.range[1]);
  }

  private findByName(from: TSESTree.Node, name: string): VariableLike | undefined {
    for (let scope: ReturnType<Scopes['scopeOf']> | null = this.scopes.scopeOf(from); scope; scope = scope.upper) {
      const variable = scope.set.get(name);
      if (variable) return variable;
    }
    return undefined;
  }
}

/** `const ref = useRef(…)`: its `.current` outlives the render. */
function isRefHolder(variable: VariableLike): boolean {
  const node = variable.defs[0]?.node;
  if (node?.type !== 'VariableDeclarator' || node.init?.type !== 'CallExpression') return false;
  return /^(React\.)?useRef$/.test(dottedName(node.init.callee) ?? '');
}
