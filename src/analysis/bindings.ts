// What an expression refers to in terms of modules: `fromIni`, `cp.fromIni`, `AWS.S3`,
// `require('@aws-sdk/credential-providers').fromIni`, `(await import('aws-sdk')).STS` ... all
// resolve to a ModuleRef. Identifiers are resolved through the scope manager, so a local function
// or parameter that happens to share a name never matches.
import type { TSESTree } from '@typescript-eslint/utils';
import type { ModuleRef } from '../catalog/index.js';
import type { Scopes, VariableLike } from './scopes.js';
import { dottedName, staticPropertyName, unwrap } from './walk.js';

/** A module member, or what `new`/a call of one produced (a client instance, a provider). */
export interface Resolved extends ModuleRef {
  readonly via: 'ref' | 'new' | 'call';
  /** For `new`/`call`: the expression that created the value. */
  readonly creator?: TSESTree.CallExpression | TSESTree.NewExpression;
}

const IN_PROGRESS = Symbol('in-progress');

export class Bindings {
  private readonly memo = new Map<TSESTree.Node, Resolved | undefined | typeof IN_PROGRESS>();

  private members: Map<string, Resolved | null> | undefined;

  constructor(
    private readonly scopes: Scopes,
    private readonly isRelevantModule: (module: string) => boolean,
    /** The file's assignments, for SDK modules kept in properties (`this.AWS = require('aws-sdk')`). */
    private readonly assignments: readonly TSESTree.AssignmentExpression[] = [],
  ) {}

  /** `this.sdk = require('aws-sdk')`, `app.aws = AWS`: a property every write of which is the same module. */
  private memberModule(dotted: string): Resolved | undefined {
    if (!this.members) {
      this.members = new Map();
      for (const assignment of this.assignments) {
        if (assignment.operator !== '=' || assignment.left.type !== 'MemberExpression') continue;
        const name = dottedName(assignment.left);
        if (!name) continue;
        const value = this.resolve(assignment.right);
        const known = this.members.get(name);
        const usable = value && value.via === 'ref' && (known === undefined || (known && known.module === value.module && known.path.join('.') === value.path.join('.')));
        this.members.set(name, usable ? value : null);
      }
    }
    return this.members.get(dotted) ?? undefined;
  }

  resolve(node: TSESTree.Node): Resolved | undefined {
    const cached = this.memo.get(node);
    if (cached === IN_PROGRESS) return undefined;
    if (cached !== undefined || this.memo.has(node)) return cached;
    this.memo.set(node, IN_PROGRESS);
    const result = this.compute(unwrap(node));
    this.memo.set(node, result);
    return result;
  }

  /** The variable an identifier names, when it is bound exactly once (const, import, single write). */
  variableOf(identifier: TSESTree.Identifier): VariableLike | undefined {
    return this.scopes.findVariable(identifier);
  }

  private compute(node: TSESTree.Node): Resolved | undefined {
    switch (node.type) {
      case 'Identifier':
        return this.resolveIdentifier(node);
      case 'MemberExpression': {
        const object = this.resolve(node.object) ?? this.memberOf(node.object);
        const name = staticPropertyName(node);
        if (!object || object.via !== 'ref' || name === undefined) return undefined;
        return { module: object.module, path: [...object.path, name], via: 'ref' };
      }
      case 'CallExpression': {
        const required = requiredModule(node);
        if (required !== undefined) return this.isRelevantModule(required) && this.isRealRequire(node) ? ref(required) : undefined;
        const callee = this.resolve(node.callee);
        return callee && callee.via === 'ref' ? { ...callee, via: 'call', creator: node } : undefined;
      }
      case 'NewExpression': {
        const callee = this.resolve(node.callee);
        return callee && callee.via === 'ref' ? { ...callee, via: 'new', creator: node } : undefined;
      }
      case 'AwaitExpression': {
        const argument = unwrap(node.argument);
        if (argument.type === 'ImportExpression') return this.importedModule(argument);
        return undefined;
      }
      case 'ImportExpression':
        return undefined; // a promise of the module: only `await import()` gives the module
      default:
        return undefined;
    }
  }

  private memberOf(node: TSESTree.Node): Resolved | undefined {
    const expression = unwrap(node);
    if (expression.type !== 'MemberExpression' || this.assignments.length === 0) return undefined;
    const dotted = dottedName(expression);
    return dotted ? this.memberModule(dotted) : undefined;
  }

  private importedModule(node: TSESTree.ImportExpression): Resolved | undefined {
    const source = node.source;
    if (source.type === 'Literal' && typeof source.value === 'string' && this.isRelevantModule(source.value)) return ref(source.value);
    return undefined;
  }

  private isRealRequire(call: TSESTree.CallExpression): boolean {
    const variable = this.scopes.findVariable(call.callee as TSESTree.Identifier);
    return !variable || variable.defs.length === 0;
  }

  private resolveIdentifier(identifier: TSESTree.Identifier): Resolved | undefined {
    const variable = this.scopes.findVariable(identifier);
    if (!variable || variable.defs.length !== 1) return undefined;
    const def = variable.defs[0]!;
    if (def.type === 'ImportBinding') return this.fromImport(def.node);
    // `function scan(AWS = require('aws-sdk'))`: the default is the module the code is written for.
    if (def.type === 'Parameter' && def.name.parent?.type === 'AssignmentPattern' && def.name.parent.left === def.name) return this.resolve(def.name.parent.right);
    if (def.type !== 'Variable' || def.node.type !== 'VariableDeclarator') return undefined;
    const declarator = def.node;
    const writes = variable.references.filter((reference) => reference.isWrite());
    if (!declarator.init) return declarator.id.type === 'Identifier' ? this.fromAssignments(writes) : undefined;
    const inPattern = (node: TSESTree.Node): boolean => node.range[0] >= declarator.id.range[0] && node.range[1] <= declarator.id.range[1];
    if (writes.filter((write) => !inPattern(write.identifier)).length > 0 || writes.length > 2) return undefined;
    const init = this.resolve(declarator.init);
    if (!init) return undefined;
    if (declarator.id.type === 'Identifier') return init;
    const path = patternPath(declarator.id, def.name);
    if (!path || init.via !== 'ref') return undefined;
    return { module: init.module, path: [...init.path, ...path], via: 'ref' };
  }

  /** `let AWS; AWS = require('aws-sdk')`, also in if/else branches: every write the same module. */
  private fromAssignments(writes: readonly { identifier: TSESTree.Node }[]): Resolved | undefined {
    let found: Resolved | undefined;
    for (const write of writes) {
      const assignment = write.identifier.parent;
      if (assignment?.type !== 'AssignmentExpression' || assignment.operator !== '=' || assignment.left !== write.identifier) return undefined;
      const value = this.resolve(assignment.right);
      if (!value || value.via !== 'ref' || (found && (found.module !== value.module || found.path.join('.') !== value.path.join('.')))) return undefined;
      found = value;
    }
    return found;
  }

  private fromImport(node: TSESTree.Node): Resolved | undefined {
    if (node.type === 'TSImportEqualsDeclaration') {
      const reference = node.moduleReference;
      if (reference.type !== 'TSExternalModuleReference' || node.importKind === 'type') return undefined;
      const expression = reference.expression;
      return expression.type === 'Literal' && typeof expression.value === 'string' && this.isRelevantModule(expression.value) ? ref(expression.value) : undefined;
    }
    const declaration = node.parent;
    if (!declaration || declaration.type !== 'ImportDeclaration' || declaration.importKind === 'type') return undefined;
    const module = declaration.source.value;
    if (!this.isRelevantModule(module)) return undefined;
    switch (node.type) {
      case 'ImportSpecifier': {
        if (node.importKind === 'type') return undefined;
        const imported = node.imported.type === 'Identifier' ? node.imported.name : String(node.imported.value);
        return imported === 'default' ? ref(module) : { module, path: [imported], via: 'ref' };
      }
      case 'ImportDefaultSpecifier':
      case 'ImportNamespaceSpecifier':
        return ref(module);
      default:
        return undefined;
    }
  }
}

function ref(module: string): Resolved {
  return { module, path: [], via: 'ref' };
}

/** `require('x')` with a string literal: the module name. */
export function requiredModule(node: TSESTree.CallExpression): string | undefined {
  if (node.callee.type !== 'Identifier' || node.callee.name !== 'require' || node.arguments.length !== 1) return undefined;
  const argument = node.arguments[0]!;
  if (argument.type === 'Literal' && typeof argument.value === 'string') return argument.value;
  if (argument.type === 'TemplateLiteral' && argument.expressions.length === 0) return argument.quasis[0]!.value.cooked ?? undefined;
  return undefined;
}

/** The property path from a destructuring pattern down to `name`: `{ a: { b } }` -> ['a', 'b']. */
function patternPath(pattern: TSESTree.Node, name: TSESTree.Identifier): string[] | undefined {
  if (pattern === name) return [];
  if (pattern.type === 'AssignmentPattern') return patternPath(pattern.left, name);
  if (pattern.type !== 'ObjectPattern') return undefined;
  for (const property of pattern.properties) {
    if (property.type !== 'Property') continue;
    const key = staticPropertyName(property);
    if (key === undefined) continue;
    const rest = patternPath(property.value, name);
    if (rest) return [key, ...rest];
  }
  return undefined;
}
