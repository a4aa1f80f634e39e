// Which exports of a module can run anything the module imports. A credential source or client is
// always reached through an import (the SDK, or a local factory), so an importer that takes only
// the other exports (types, enums, constants, pure helpers) cannot run one of this module's sites.
import type { TSESTree } from '@typescript-eslint/utils';
import { childNodes, dottedName } from '../walk.js';

/** Exported names whose code reaches an imported binding; undefined when the module's exports cannot be read (CommonJS). */
export function exportsReachingImports(program: TSESTree.Program): ReadonlySet<string> | undefined {
  return exportsReaching(program, importedBindings(program));
}

/** Exported names whose code reaches the top-level declaration `name` (or is it). */
export function exportsReachingDeclaration(program: TSESTree.Program, name: string): ReadonlySet<string> | undefined {
  return exportsReaching(program, new Set([name]));
}

/** The name a top-level statement declares (`export` unwrapped), if it declares one. */
export function topLevelName(statement: TSESTree.ProgramStatement): string | undefined {
  const declaration = statement.type === 'ExportNamedDeclaration' || statement.type === 'ExportDefaultDeclaration' ? statement.declaration : statement;
  const names = declaredNames(declaration);
  return names.length === 1 ? names[0] : statement.type === 'ExportDefaultDeclaration' ? 'default' : undefined;
}

function exportsReaching(program: TSESTree.Program, targets: ReadonlySet<string>): ReadonlySet<string> | undefined {
  const module = exportsOf(program);
  if (!module) return undefined;
  // Which declarations reach a target, through the others: a fixed point over one walk of each.
  const references = new Map<TSESTree.Node, Set<string>>();
  const reaches = new Set<string>(targets);
  for (let changed = true; changed; ) {
    changed = false;
    for (const [name, node] of module.declarations) {
      if (reaches.has(name)) continue;
      let names = references.get(node);
      if (!names) references.set(node, (names = referencedNames(node)));
      if ([...names].some((referenced) => reaches.has(referenced))) {
        reaches.add(name);
        changed = true;
      }
    }
  }
  const reaching = new Set<string>();
  for (const [outer, locals] of module.exported) if (locals.some((local) => reaches.has(local))) reaching.add(outer);
  return reaching;
}

interface ModuleExports {
  /** Top-level name -> its declaration. */
  readonly declarations: ReadonlyMap<string, TSESTree.Node>;
  /** Exported name -> the local names it exports. */
  readonly exported: ReadonlyMap<string, readonly string[]>;
}

/** Undefined for CommonJS exports and re-exports from other modules: what they hand on is not read here. */
function exportsOf(program: TSESTree.Program): ModuleExports | undefined {
  const declarations = new Map<string, TSESTree.Node>();
  const exported = new Map<string, string[]>();
  for (const statement of program.body) {
    if (isCommonJsExport(statement)) return undefined;
    const declaration = statement.type === 'ExportNamedDeclaration' || statement.type === 'ExportDefaultDeclaration' ? statement.declaration : statement;
    for (const name of declaredNames(declaration)) declarations.set(name, declaration!);
    if (statement.type === 'ExportNamedDeclaration') {
      if (statement.source) return undefined;
      for (const name of declaredNames(statement.declaration)) exported.set(name, [name]);
      for (const specifier of statement.specifiers) {
        const outer = specifier.exported.type === 'Identifier' ? specifier.exported.name : String(specifier.exported.value);
        exported.set(outer, [specifier.local.name]);
      }
    }
    if (statement.type === 'ExportDefaultDeclaration') {
      const names = declaredNames(statement.declaration);
      exported.set('default', names.length > 0 ? names : ['default']);
      if (names.length === 0) declarations.set('default', statement.declaration);
    }
    if (statement.type === 'ExportAllDeclaration' || statement.type === 'TSExportAssignment') return undefined;
  }
  return { declarations, exported };
}

/** Value bindings the module imports (`import { a }`, `import * as b`, `const c = require(…)`), and `AWS`, `require` and `import`. */
function importedBindings(program: TSESTree.Program): Set<string> {
  const names = new Set(['AWS', 'require', 'import']);
  for (const statement of program.body) {
    if (statement.type === 'ImportDeclaration' && statement.importKind !== 'type') {
      for (const specifier of statement.specifiers) {
        if (specifier.type === 'ImportSpecifier' && specifier.importKind === 'type') continue;
        names.add(specifier.local.name);
      }
    }
    if (statement.type === 'TSImportEqualsDeclaration') names.add(statement.id.name);
  }
  return names;
}

function isCommonJsExport(statement: TSESTree.ProgramStatement): boolean {
  return statement.type === 'ExpressionStatement' && statement.expression.type === 'AssignmentExpression' && /^(module\.)?exports(\.|$)/.test(dottedName(statement.expression.left) ?? '');
}

/** The names a top-level declaration binds (types and interfaces bind none that run). */
function declaredNames(node: TSESTree.Node | null | undefined): string[] {
  if (!node) return [];
  if ((node.type === 'FunctionDeclaration' || node.type === 'ClassDeclaration' || node.type === 'TSEnumDeclaration' || node.type === 'TSModuleDeclaration') && node.id?.type === 'Identifier') return [node.id.name];
  if (node.type === 'VariableDeclaration') return node.declarations.flatMap((declarator) => patternNames(declarator.id));
  return [];
}

function patternNames(pattern: TSESTree.Node): string[] {
  if (pattern.type === 'Identifier') return [pattern.name];
  if (pattern.type === 'ObjectPattern') return pattern.properties.flatMap((property) => patternNames(property.type === 'Property' ? property.value : property.argument));
  if (pattern.type === 'ArrayPattern') return pattern.elements.flatMap((element) => (element ? patternNames(element) : []));
  if (pattern.type === 'AssignmentPattern') return patternNames(pattern.left);
  if (pattern.type === 'RestElement') return patternNames(pattern.argument);
  return [];
}

/** Type annotations, type references and type declarations: nothing in them runs. */
const TYPE_ONLY = /^TS(TypeAnnotation|TypeReference|TypeParameter\w*|TypeAliasDeclaration|InterfaceDeclaration|TypeQuery|TypeLiteral|\w+Keyword|UnionType|IntersectionType|ArrayType|TupleType|FunctionType|IndexedAccessType|TypeOperator|MappedType|ConditionalType|LiteralType|ImportType|TypePredicate)$/;

/** `Stage.PREPARE`, `config.a.b`: the identifier is only read through, the chain is not called. */
function isReadOnlyBase(identifier: TSESTree.Identifier): boolean {
  let node: TSESTree.Node = identifier;
  while (node.parent?.type === 'MemberExpression' && node.parent.object === node) node = node.parent;
  if (node === identifier) return false;
  const parent = node.parent;
  return !((parent?.type === 'CallExpression' || parent?.type === 'NewExpression') && parent.callee === node) && parent?.type !== 'TaggedTemplateExpression';
}

/** Every identifier a declaration's code can run or hand on, types left out: an over-approximation of what it can call. */
function referencedNames(node: TSESTree.Node): Set<string> {
  const names = new Set<string>();
  const stack: TSESTree.Node[] = [node];
  while (stack.length > 0) {
    const current = stack.pop()!;
    if (current.type === 'Identifier' && !isReadOnlyBase(current)) names.add(current.name);
    if (current.type === 'ImportExpression') names.add('import');
    if (TYPE_ONLY.test(current.type)) continue;
    stack.push(...childNodes(current));
  }
  return names;
}
