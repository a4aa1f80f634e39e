// How often a class is instantiated: DI containers and decorators (singletons unless asked for a
// request or transient scope), and `new C()` sites in this file.
import type { TSESTree } from '@typescript-eslint/utils';
import type { Scopes } from '../scopes.js';
import type { Frequency } from '../types.js';
import { childNodes, dottedName, outerParent, staticPropertyName } from '../walk.js';

export type ClassNode = TSESTree.ClassDeclaration | TSESTree.ClassExpression;

const SINGLETON_DECORATORS = new Set(['Injectable', 'Controller', 'Service', 'singleton', 'injectable', 'Module', 'Resolver', 'Singleton', 'Component', 'Processor', 'Gateway']);
const PER_REQUEST_SCOPES = new Set(['Scope.REQUEST', 'Scope.TRANSIENT', 'Lifecycle.Transient', 'Lifecycle.ResolutionScoped', 'Lifetime.TRANSIENT', 'Lifetime.SCOPED']);
const PER_REQUEST_CALLS = new Set(['inRequestScope', 'inTransientScope', 'scoped', 'transient', 'addScoped', 'addTransient', 'registerScoped', 'registerTransient']);
const REGISTRATION = /(^|\.)(register\w*|bind|rebind|asClass|provide|addSingleton|addScoped|addTransient)$/;

/** Route and message decorators: the method runs per request or message. */
const HANDLER_DECORATORS = new Set(['Get', 'Post', 'Put', 'Patch', 'Delete', 'All', 'Head', 'Options', 'Query', 'Mutation', 'Subscription', 'ResolveField', 'FieldResolver', 'MessagePattern', 'EventPattern', 'SubscribeMessage', 'OnEvent', 'Cron', 'Interval', 'Timeout', 'Process', 'SqsMessageHandler', 'SqsConsumerEventHandler', 'RabbitSubscribe', 'RabbitRPC', 'Action', 'Route', 'HttpGet', 'HttpPost']);
/** Class decorators whose every method handles requests. */
const CONTROLLER_DECORATORS = new Set(['Controller', 'Resolver', 'WebSocketGateway', 'JsonController', 'RestController']);

function decoratorNames(node: { decorators?: readonly TSESTree.Decorator[] }): string[] {
  return (node.decorators ?? []).map((decorator) => {
    const expression = decorator.expression;
    return (dottedName(expression.type === 'CallExpression' ? expression.callee : expression) ?? '').split('.').pop()!;
  });
}

/** A route handler method (`@Get()`, `@Query()`) or any method of a controller class. */
export function isHandlerMethod(method: TSESTree.MethodDefinition | TSESTree.PropertyDefinition, classNode: ClassNode | undefined): boolean {
  return decoratorNames(method).some((name) => HANDLER_DECORATORS.has(name)) || (!!classNode && decoratorNames(classNode).some((name) => CONTROLLER_DECORATORS.has(name)));
}

/** `class SharedCredentialsProvider implements CredentialsProvider`, `class RoleCredentials extends AWS.Credentials`. */
const CREDENTIALS_PROVIDER_CLASS = /Credentials?(Provider)?$/;
/** What a credentials consumer calls on such a class when what it keeps is missing or expiring. */
const REFRESH_METHODS = new Set(['getCredentials', 'refresh', 'load', 'resolveCredentials']);

/**
 * The refresh method of a class that is a credentials provider: SDK v2 calls `refresh()` only when
 * its credentials need it, and a consumer of a `getCredentials()` provider keeps what it returns.
 */
export function isCredentialsRefreshMethod(name: string, classNode: ClassNode | undefined): boolean {
  if (!classNode || !REFRESH_METHODS.has(name)) return false;
  const names = [classNode.id?.name, classNode.superClass ? dottedName(classNode.superClass) : undefined, ...(classNode.implements ?? []).map((clause) => dottedName(clause.expression))];
  return names.some((candidate) => candidate !== undefined && CREDENTIALS_PROVIDER_CLASS.test(candidate));
}

/** The name a class is exported under (`export class C`, `export default class`, `export { C }`, `module.exports = C`), if any. */
export function exportedClassName(classNode: ClassNode, scopes: Scopes): string | undefined {
  const name = classNode.id?.name;
  const parent = classNode.parent;
  if (parent?.type === 'ExportNamedDeclaration') return name;
  if (parent?.type === 'ExportDefaultDeclaration') return 'default';
  const declaration = classNode.type === 'ClassDeclaration' ? classNode : parent?.type === 'VariableDeclarator' ? parent : undefined;
  if (!declaration) return undefined;
  if (declaration.type === 'VariableDeclarator' && declaration.parent?.parent?.type === 'ExportNamedDeclaration' && declaration.id.type === 'Identifier') return declaration.id.name;
  for (const variable of scopes.declaredVariables(declaration)) {
    for (const reference of variable.references) {
      const { parent: user, child } = outerParent(reference.identifier as TSESTree.Node);
      if (user?.type === 'ExportSpecifier') return user.exported.type === 'Identifier' ? user.exported.name : String(user.exported.value);
      if (user?.type === 'ExportDefaultDeclaration') return 'default';
      if (user?.type === 'AssignmentExpression' && user.right === child) {
        const target = dottedName(user.left) ?? '';
        if (/^(module\.)?exports$/.test(target)) return 'default';
        if (/^(module\.)?exports\./.test(target)) return target.split('.').pop();
      }
      if (user?.type === 'Property' && user.value === child && user.parent?.parent?.type === 'AssignmentExpression' && /^(module\.)?exports$/.test(dottedName(user.parent.parent.left) ?? '')) {
        return staticPropertyName(user);
      }
    }
  }
  return undefined;
}

/**
 * The export an instance of the class is published under (`module.exports = new Youtube()`,
 * `export default new Store()`, `export const store = new Store()`): its methods are called by
 * importers as `default.m` / `store.m`. The constructor itself runs once, at load.
 */
export function exportedInstanceName(classNode: ClassNode, scopes: Scopes): string | undefined {
  const declaration = classNode.type === 'ClassDeclaration' ? classNode : classNode.parent?.type === 'VariableDeclarator' ? classNode.parent : undefined;
  if (!declaration) return undefined;
  for (const variable of scopes.declaredVariables(declaration)) {
    for (const reference of variable.references) {
      const created = reference.identifier.parent;
      if (created?.type !== 'NewExpression' || created.callee !== reference.identifier) continue;
      const { parent: user, child } = outerParent(created);
      if (user?.type === 'ExportDefaultDeclaration') return 'default';
      if (user?.type === 'AssignmentExpression' && user.right === child && /^(module\.)?exports$/.test(dottedName(user.left) ?? '')) return 'default';
      if (user?.type === 'VariableDeclarator' && user.init === child && user.id.type === 'Identifier' && user.parent?.parent?.type === 'ExportNamedDeclaration') return user.id.name;
    }
  }
  return undefined;
}

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
    stack.push(...childNodes(node));
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
    if (instantiated) return { kind: 'once', reason: 'class instantiated once' };
    const exported = exportedClassName(classNode, this.scopes);
    // Exported and never built here: its importers decide how often it is built.
    if (exported) return { kind: 'once', reason: `exported as \`${exported}\`: judged where it is built`, exportedAs: exported };
    return { kind: 'once', reason: 'class instantiated elsewhere (assumed once)' };
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
