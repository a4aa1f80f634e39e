// How often a class is instantiated: DI containers and decorators (singletons unless asked for a
// request or transient scope), and `new C()` sites in this file.
import type { TSESTree } from '@typescript-eslint/utils';
import type { Scopes } from '../scopes.js';
import type { Frequency } from '../types.js';
import { dottedName, outerParent, staticPropertyName } from '../walk.js';

export type ClassNode = TSESTree.ClassDeclaration | TSESTree.ClassExpression;

const SINGLETON_DECORATORS = new Set(['Injectable', 'Controller', 'Service', 'singleton', 'injectable', 'Module', 'Resolver', 'Singleton', 'Component', 'Processor', 'Gateway']);
const PER_REQUEST_SCOPES = new Set(['Scope.REQUEST', 'Scope.TRANSIENT', 'Lifecycle.Transient', 'Lifecycle.ResolutionScoped', 'Lifetime.TRANSIENT', 'Lifetime.SCOPED']);
const PER_REQUEST_CALLS = new Set(['inRequestScope', 'inTransientScope', 'scoped', 'transient', 'addScoped', 'addTransient', 'registerScoped', 'registerTransient']);
const REGISTRATION = /(^|\.)(register\w*|bind|rebind|asClass|provide|addSingleton|addScoped|addTransient)$/;

export function classOf(member: TSESTree.Node): ClassNode | undefined {
  const classNode = member.parent?.parent;
  return classNode && (classNode.type === 'ClassDeclaration' || classNode.type === 'ClassExpression') ? classNode : undefined;
}

/** Does anything under `root` ask for a per-request or transient lifetime? */
function asksPerRequest(root: TSESTree.Node): boolean {
  const stack: TSESTree.Node[] = [root];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (node.type === 'MemberExpression' && PER_REQUEST_SCOPES.has(dottedName(node) ?? '')) return true;
    if (node.type === 'CallExpression') {
      const callee = node.callee.type === 'MemberExpression' ? staticPropertyName(node.callee) : node.callee.type === 'Identifier' ? node.callee.name : undefined;
      if (callee && PER_REQUEST_CALLS.has(callee)) return true;
    }
    for (const key of Object.keys(node)) {
      if (key === 'parent') continue;
      const value = (node as unknown as Record<string, unknown>)[key];
      for (const child of Array.isArray(value) ? value : [value]) {
        if (child && typeof child === 'object' && typeof (child as { type?: unknown }).type === 'string') stack.push(child as TSESTree.Node);
      }
    }
  }
  return false;
}

export class ClassInstances {
  private readonly classes = new Map<TSESTree.Node, Frequency | 'pending'>();

  constructor(
    private readonly scopes: Scopes,
    /** How often a node runs (the whole frequency analysis). */
    private readonly frequencyOf: (node: TSESTree.Node) => Frequency,
  ) {}

  /** How often `new C()` runs: constructors and field initialisers run per instance. */
  of(classNode: ClassNode | undefined): Frequency {
    if (!classNode) return { kind: 'once', reason: 'class' };
    const known = this.classes.get(classNode);
    if (known === 'pending') return { kind: 'once', reason: 'recursive construction' };
    if (known) return known;
    this.classes.set(classNode, 'pending');
    const result = this.classify(classNode);
    this.classes.set(classNode, result);
    return result;
  }

  private classify(classNode: ClassNode): Frequency {
    for (const decorator of classNode.decorators ?? []) {
      const expression = decorator.expression;
      const name = dottedName(expression.type === 'CallExpression' ? expression.callee : expression) ?? '';
      if (asksPerRequest(decorator)) return { kind: 'per-invocation', context: 'request-scoped provider', because: classNode };
      if (SINGLETON_DECORATORS.has(name.split('.').pop()!)) return { kind: 'once', reason: 'DI-managed singleton' };
    }
    const declaration = classNode.type === 'ClassDeclaration' ? classNode : classNode.parent?.type === 'VariableDeclarator' ? classNode.parent : undefined;
    if (!declaration) return { kind: 'once', reason: 'class instantiated elsewhere' };
    let instantiated = false;
    for (const variable of this.scopes.declaredVariables(declaration)) {
      for (const reference of variable.references) {
        const { parent, child } = outerParent(reference.identifier as TSESTree.Node);
        if (parent?.type === 'CallExpression' && parent.callee !== child) {
          const registration = this.registration(parent);
          if (registration === 'per-request') return { kind: 'per-invocation', context: 'request-scoped provider', because: parent };
          if (registration === 'singleton') instantiated = true;
          continue;
        }
        if (parent?.type !== 'NewExpression' || parent.callee !== child) continue;
        instantiated = true;
        const frequency = this.frequencyOf(parent);
        if (frequency.kind === 'per-invocation') return { kind: 'per-invocation', context: `constructor of a class created per ${frequency.context}`, because: frequency.because };
      }
    }
    return { kind: 'once', reason: instantiated ? 'class instantiated once' : 'class instantiated elsewhere (assumed once)' };
  }

  /**
   * A class handed to a DI container: `container.register(X, …)`, `registerSingleton(X)`,
   * `bind(X).toSelf()`, `asClass(X)`. Singleton unless the statement asks for a per-request or
   * transient lifetime.
   */
  private registration(call: TSESTree.CallExpression): 'singleton' | 'per-request' | undefined {
    if (!REGISTRATION.test(dottedName(call.callee) ?? '')) return undefined;
    let statement: TSESTree.Node = call;
    while (statement.parent && statement.parent.type !== 'Program' && statement.parent.type !== 'BlockStatement') statement = statement.parent;
    return asksPerRequest(statement) ? 'per-request' : 'singleton';
  }
}
