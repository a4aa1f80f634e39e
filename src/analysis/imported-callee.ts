// Which export of which module a call reaches, for cross-file analysis: `getClient()` imported by
// name, default or `require`; `aws.getClient()` through a namespace; `new Store()` of an imported
// class; `store.get()` on an instance of one (`const store = new Store()`, a constructor parameter
// or field typed `Store`). The name is the export path: `getClient`, `Store`, `Store.get`, `ns.f`.
import type { TSESTree } from '@typescript-eslint/utils';
import { requiredModule } from './bindings.js';
import type { Scopes, VariableLike } from './scopes.js';
import { staticPropertyName, unwrap } from './walk.js';

export interface ImportedCallee {
  readonly specifier: string;
  readonly name: string;
}

/** A binding's module and export path (`*` for the whole module). */
interface ImportedValue {
  readonly specifier: string;
  readonly path: readonly string[];
  /** True when the value is an instance (`new C()`, a parameter typed `C`): members are `C.member`. */
  readonly instance?: boolean;
}

const isProjectSpecifier = (specifier: string): boolean => !specifier.startsWith('node:') && !/^(@aws-sdk|@smithy)\//.test(specifier) && specifier !== 'aws-sdk' && !specifier.startsWith('aws-sdk/');

export class ImportedCallees {
  constructor(private readonly scopes: Scopes) {}

  /** The export a call or `new` reaches, or undefined. */
  of(node: TSESTree.CallExpression | TSESTree.NewExpression): ImportedCallee | undefined {
    const value = this.valueOf(unwrap(node.callee), 0);
    if (!value || value.instance) return undefined;
    // `const getState = require('./state'); getState()`: the module itself is the function (`module.exports = …`).
    return { specifier: value.specifier, name: value.path.length === 0 ? 'default' : value.path.join('.') };
  }

  /** The export a function value reaches (`listUsers`, `users.list`, handed on rather than called), or undefined. */
  ofReference(node: TSESTree.Identifier | TSESTree.MemberExpression): ImportedCallee | undefined {
    const value = this.valueOf(node, 0);
    if (!value || value.instance || value.path.at(-1)?.endsWith('()')) return undefined;
    return { specifier: value.specifier, name: value.path.length === 0 ? 'default' : value.path.join('.') };
  }

  private valueOf(node: TSESTree.Node, depth: number): ImportedValue | undefined {
    if (depth > 6) return undefined;
    const expression = unwrap(node);
    if (expression.type === 'Identifier') return this.ofIdentifier(expression, depth);
    if (expression.type === 'MemberExpression') {
      const property = staticPropertyName(expression);
      if (property === undefined) return undefined;
      const object = expression.object.type === 'ThisExpression' ? undefined : this.valueOf(expression.object, depth + 1);
      if (object) return { specifier: object.specifier, path: [...object.path, property] };
      if (expression.object.type === 'MemberExpression' && expression.object.object.type === 'ThisExpression') {
        const field = staticPropertyName(expression.object);
        const type = field ? this.fieldClass(expression, field, depth) : undefined;
        return type ? { specifier: type.specifier, path: [...type.path, property] } : undefined;
      }
      return undefined;
    }
    if (expression.type === 'AwaitExpression') return this.valueOf(expression.argument, depth + 1);
    if (expression.type === 'CallExpression') {
      const module = requiredModule(expression);
      if (module) return isProjectSpecifier(module) ? { specifier: module, path: [] } : undefined;
      // `const sts = createStsClient(props)`: the object an imported factory returns, `createStsClient()`.
      const factory = this.valueOf(expression.callee, depth + 1);
      if (!factory || factory.instance || factory.path.length === 0 || factory.path.at(-1)!.endsWith('()')) return undefined;
      return { specifier: factory.specifier, path: [...factory.path.slice(0, -1), `${factory.path.at(-1)!}()`] };
    }
    if (expression.type === 'NewExpression') {
      const type = this.valueOf(expression.callee, depth + 1);
      if (!type || type.instance) return undefined;
      return { specifier: type.specifier, path: type.path.length === 0 ? ['default'] : type.path, instance: true };
    }
    return undefined;
  }

  private ofIdentifier(identifier: TSESTree.Identifier, depth: number): ImportedValue | undefined {
    const variable = this.scopes.findVariable(identifier);
    if (!variable || variable.defs.length !== 1) return undefined;
    const def = variable.defs[0]!;
    if (def.type === 'ImportBinding') return importBinding(def.node);
    if (def.type === 'Parameter') return this.typed(typeAnnotationOf(def.name), depth);
    if (def.type !== 'Variable' || def.node.type !== 'VariableDeclarator' || !def.node.init || !isConstLike(variable)) return undefined;
    const init = this.valueOf(def.node.init, depth + 1);
    if (!init) return this.typed(typeAnnotationOf(def.node.id), depth);
    if (def.node.id.type === 'Identifier') return init;
    if (def.node.id.type !== 'ObjectPattern' || init.instance) return undefined;
    const key = patternKey(def.node.id, def.name);
    return key ? { specifier: init.specifier, path: [...init.path, key] } : undefined;
  }

  /** `x: Store` where `Store` is an imported class: an instance of it. */
  private typed(annotation: TSESTree.TypeNode | undefined, depth: number): ImportedValue | undefined {
    if (annotation?.type !== 'TSTypeReference' || annotation.typeName.type !== 'Identifier') return undefined;
    const type = this.ofIdentifier(annotation.typeName, depth + 1);
    return type && !type.instance && type.path.length > 0 ? { ...type, instance: true } : undefined;
  }

  /** `this.store` in a class: a constructor parameter property or a field, typed or `new`-initialised. */
  private fieldClass(from: TSESTree.Node, field: string, depth: number): ImportedValue | undefined {
    let classBody: TSESTree.Node | undefined = from.parent;
    while (classBody && classBody.type !== 'ClassBody') classBody = classBody.parent;
    if (classBody?.type !== 'ClassBody') return undefined;
    for (const member of classBody.body) {
      if (member.type === 'PropertyDefinition' && !member.computed && member.key.type === 'Identifier' && member.key.name === field) {
        const typed = this.typed(member.typeAnnotation?.typeAnnotation, depth);
        if (typed) return typed;
        const value = member.value ? this.valueOf(member.value, depth + 1) : undefined;
        if (value?.instance) return value;
      }
      if (member.type === 'MethodDefinition' && member.kind === 'constructor') {
        for (const param of member.value.params) {
          if (param.type === 'TSParameterProperty' && param.parameter.type === 'Identifier' && param.parameter.name === field) {
            return this.typed(param.parameter.typeAnnotation?.typeAnnotation, depth);
          }
        }
      }
    }
    return undefined;
  }
}

function importBinding(node: TSESTree.Node): ImportedValue | undefined {
  if (node.type === 'TSImportEqualsDeclaration') {
    const reference = node.moduleReference;
    if (reference.type !== 'TSExternalModuleReference' || reference.expression.type !== 'Literal') return undefined;
    const specifier = String(reference.expression.value);
    return isProjectSpecifier(specifier) ? { specifier, path: [] } : undefined;
  }
  const declaration = node.parent;
  if (declaration?.type !== 'ImportDeclaration' || declaration.importKind === 'type') return undefined;
  const specifier = declaration.source.value;
  if (!isProjectSpecifier(specifier)) return undefined;
  if (node.type === 'ImportNamespaceSpecifier') return { specifier, path: [] };
  if (node.type === 'ImportDefaultSpecifier') return { specifier, path: ['default'] };
  if (node.type === 'ImportSpecifier') {
    const imported = node.imported.type === 'Identifier' ? node.imported.name : String(node.imported.value);
    return { specifier, path: [imported] };
  }
  return undefined;
}

function typeAnnotationOf(node: TSESTree.Node): TSESTree.TypeNode | undefined {
  const annotation = (node as { typeAnnotation?: TSESTree.TSTypeAnnotation }).typeAnnotation;
  return annotation?.typeAnnotation;
}

function isConstLike(variable: VariableLike): boolean {
  return variable.references.filter((reference) => reference.isWrite()).length <= 1;
}

function patternKey(pattern: TSESTree.ObjectPattern, name: TSESTree.Identifier): string | undefined {
  for (const property of pattern.properties) {
    if (property.type !== 'Property') continue;
    const value = property.value.type === 'AssignmentPattern' ? property.value.left : property.value;
    if (value === name) return staticPropertyName(property);
  }
  return undefined;
}

/**
 * Module specifiers the file imports at its top level (`import`, `require`, `import = require`);
 * with `typeImports`, `import type` too (typed mode follows values typed by an imported type).
 */
export function topLevelSpecifiers(program: TSESTree.Program, typeImports = false): string[] {
  const specifiers: string[] = [];
  for (const statement of program.body) {
    if (statement.type === 'ImportDeclaration' && (typeImports || statement.importKind !== 'type')) specifiers.push(statement.source.value);
    else if (statement.type === 'TSImportEqualsDeclaration' && statement.moduleReference.type === 'TSExternalModuleReference' && statement.moduleReference.expression.type === 'Literal') {
      specifiers.push(String(statement.moduleReference.expression.value));
    } else if (statement.type === 'VariableDeclaration') {
      for (const declarator of statement.declarations) {
        let init: TSESTree.Node | null | undefined = declarator.init;
        while (init?.type === 'MemberExpression') init = init.object;
        if (init?.type === 'CallExpression') {
          const module = requiredModule(init);
          if (module) specifiers.push(module);
        }
      }
    }
  }
  return specifiers.filter(isProjectSpecifier);
}
