// `--vendor-runtime <file>`: the package's compiled runtime (dist/esm/src/runtime) flattened
// into one dependency-free file (ESM or CommonJS) plus, for TypeScript projects, one .d.ts.
// The runtime imports nothing but its own modules and `node:` builtins; the modules are placed
// dependencies first, their relative imports dropped (one scope now), and the public names of
// index.js exported once at the end. Anything this cannot flatten safely is an error naming it.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { ts } from 'ts-morph';
import { PACKAGE_NAME, packageVersion } from './paths.js';

export const VENDOR_MARKER = 'Vendored by `aws-credentials fix --vendor-runtime`';

interface Module {
  readonly file: string;
  readonly source: ts.SourceFile;
  readonly dependencies: string[];
}

interface Flattened {
  /** The module bodies, dependencies first, without relative imports/re-exports or `export`. */
  readonly body: string;
  /** `node:` builtin imports, deduplicated, as ESM statements. */
  readonly builtins: readonly ts.ImportDeclaration[];
  readonly builtinSources: ReadonlyMap<ts.ImportDeclaration, ts.SourceFile>;
  /** Public name -> local name. */
  readonly exports: ReadonlyMap<string, string>;
}

function fail(file: string, node: ts.Node, source: ts.SourceFile, what: string): never {
  const { line, character } = source.getLineAndCharacterOfPosition(node.getStart(source));
  throw new Error(`${file}:${line + 1}:${character + 1} - cannot vendor the runtime: ${what}`);
}

function specifierOf(node: ts.ImportDeclaration | ts.ExportDeclaration): string | undefined {
  return node.moduleSpecifier && ts.isStringLiteral(node.moduleSpecifier) ? node.moduleSpecifier.text : undefined;
}

function isRelative(specifier: string): boolean {
  return specifier.startsWith('./') || specifier.startsWith('../');
}

function resolveModule(fromFile: string, specifier: string, declaration: boolean): string {
  const base = resolve(dirname(fromFile), specifier).replace(/\.js$/, '');
  const candidates = declaration ? [`${base}.d.ts`, join(base, 'index.d.ts')] : [`${base}.js`, join(base, 'index.js')];
  const found = candidates.find(candidate => existsSync(candidate));
  if (!found) throw new Error(`${fromFile}: cannot vendor the runtime: ${specifier} not found`);
  return found;
}

function load(entry: string, declaration: boolean): Module[] {
  const modules = new Map<string, Module>();
  const order: Module[] = [];
  const visiting = new Set<string>();
  const visit = (file: string): void => {
    if (modules.has(file)) return;
    if (visiting.has(file)) throw new Error(`${file}: cannot vendor the runtime: circular import`);
    visiting.add(file);
    const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
    const dependencies: string[] = [];
    for (const statement of source.statements) {
      if (!ts.isImportDeclaration(statement) && !ts.isExportDeclaration(statement)) continue;
      const specifier = specifierOf(statement);
      if (specifier === undefined) continue;
      if (isRelative(specifier)) dependencies.push(resolveModule(file, specifier, declaration));
      else if (!specifier.startsWith('node:')) fail(file, statement, source, `it imports ${specifier}; only node: builtins are allowed`);
    }
    for (const dependency of dependencies) visit(dependency);
    visiting.delete(file);
    const module = { file, source, dependencies };
    modules.set(file, module);
    order.push(module);
  };
  visit(entry);
  return order;
}

/** Names of index's public exports -> local names, following `export ... from` chains. */
function publicExports(modules: readonly Module[], declaration: boolean): Map<string, string> {
  const byFile = new Map(modules.map(module => [module.file, module]));
  const exportsOf = (module: Module, seen: Set<string>): Map<string, string> => {
    const result = new Map<string, string>();
    if (seen.has(module.file)) return result;
    seen.add(module.file);
    for (const statement of module.source.statements) {
      if (ts.isExportDeclaration(statement)) {
        const specifier = specifierOf(statement);
        const target = specifier && isRelative(specifier) ? byFile.get(resolveModule(module.file, specifier, declaration)) : undefined;
        const targetExports = target ? exportsOf(target, seen) : undefined;
        if (!statement.exportClause) {
          if (targetExports) for (const [name, local] of targetExports) result.set(name, local);
        } else if (ts.isNamedExports(statement.exportClause)) {
          for (const element of statement.exportClause.elements) {
            const from = (element.propertyName ?? element.name).text;
            result.set(element.name.text, targetExports ? (targetExports.get(from) ?? from) : from);
          }
        } else {
          fail(module.file, statement, module.source, '`export * as` is not supported');
        }
        continue;
      }
      const modifiers = ts.canHaveModifiers(statement) ? ts.getModifiers(statement) : undefined;
      if (!modifiers?.some(modifier => modifier.kind === ts.SyntaxKind.ExportKeyword)) continue;
      if (modifiers.some(modifier => modifier.kind === ts.SyntaxKind.DefaultKeyword)) fail(module.file, statement, module.source, '`export default` is not supported');
      if (ts.isVariableStatement(statement)) {
        for (const declarationNode of statement.declarationList.declarations) {
          if (!ts.isIdentifier(declarationNode.name)) fail(module.file, declarationNode, module.source, 'destructured exports are not supported');
          result.set(declarationNode.name.text, declarationNode.name.text);
        }
      } else {
        const name = (statement as ts.DeclarationStatement).name;
        if (name && ts.isIdentifier(name)) result.set(name.text, name.text);
      }
    }
    return result;
  };
  const index = modules[modules.length - 1]!;
  return exportsOf(index, new Set());
}

function topLevelNames(statement: ts.Statement): string[] {
  if (ts.isVariableStatement(statement)) {
    const names: string[] = [];
    const collect = (name: ts.BindingName): void => {
      if (ts.isIdentifier(name)) names.push(name.text);
      else for (const element of name.elements) if (!ts.isOmittedExpression(element)) collect(element.name);
    };
    for (const declaration of statement.declarationList.declarations) collect(declaration.name);
    return names;
  }
  const name = (statement as ts.DeclarationStatement).name;
  return name && ts.isIdentifier(name) ? [name.text] : [];
}

function flatten(entry: string, declaration: boolean): Flattened {
  const modules = load(entry, declaration);
  const declared = new Map<string, string>();
  const builtins: ts.ImportDeclaration[] = [];
  const builtinSources = new Map<ts.ImportDeclaration, ts.SourceFile>();
  const seenBuiltins = new Set<string>();
  const parts: string[] = [];
  for (const module of modules) {
    const { source } = module;
    const edits: { start: number; end: number; text: string }[] = [];
    for (const statement of source.statements) {
      if (ts.isImportDeclaration(statement)) {
        const specifier = specifierOf(statement)!;
        if (!isRelative(specifier)) {
          const text = statement.getText(source);
          if (!seenBuiltins.has(text)) {
            seenBuiltins.add(text);
            builtins.push(statement);
            builtinSources.set(statement, source);
          }
        } else {
          const bindings = statement.importClause?.namedBindings;
          if (statement.importClause?.name || (bindings && !ts.isNamedImports(bindings))) {
            fail(module.file, statement, source, 'default and namespace imports between runtime modules are not supported');
          }
          if (bindings && ts.isNamedImports(bindings)) {
            for (const element of bindings.elements) {
              if (element.propertyName && element.propertyName.text !== element.name.text) {
                fail(module.file, element, source, `renamed import ${element.propertyName.text} as ${element.name.text}`);
              }
            }
          }
        }
        edits.push({ start: statement.getFullStart(), end: statement.getEnd(), text: '' });
        continue;
      }
      if (ts.isExportDeclaration(statement)) {
        edits.push({ start: statement.getFullStart(), end: statement.getEnd(), text: '' });
        continue;
      }
      for (const name of topLevelNames(statement)) {
        const previous = declared.get(name);
        if (previous && previous !== module.file && !(declaration && ts.isInterfaceDeclaration(statement))) {
          fail(module.file, statement, source, `top-level name ${name} is also declared in ${previous}`);
        }
        declared.set(name, module.file);
      }
      const modifiers = ts.canHaveModifiers(statement) ? ts.getModifiers(statement) : undefined;
      const exportKeyword = modifiers?.find(modifier => modifier.kind === ts.SyntaxKind.ExportKeyword);
      if (exportKeyword) {
        let end = exportKeyword.getEnd();
        while (/\s/.test(source.text[end] ?? '')) end += 1;
        edits.push({ start: exportKeyword.getStart(source), end, text: '' });
      }
    }
    let text = source.text;
    for (const edit of edits.sort((a, b) => b.start - a.start)) text = text.slice(0, edit.start) + edit.text + text.slice(edit.end);
    text = text.replace(/^\/\/# sourceMappingURL=.*$/m, '').trim();
    if (text) parts.push(text);
  }
  const exports = publicExports(modules, declaration);
  const builtinNames = new Set(builtins.flatMap(statement => importedNames(statement)));
  for (const [name, local] of exports) {
    if (!declared.has(local) && !builtinNames.has(local)) throw new Error(`${modules[modules.length - 1]!.file}: cannot vendor the runtime: it exports ${name}, which no runtime module declares`);
  }
  return { body: parts.join('\n\n'), builtins, builtinSources, exports };
}

function importedNames(statement: ts.ImportDeclaration): string[] {
  const clause = statement.importClause;
  if (!clause) return [];
  const names = clause.name ? [clause.name.text] : [];
  const bindings = clause.namedBindings;
  if (bindings && ts.isNamespaceImport(bindings)) names.push(bindings.name.text);
  if (bindings && ts.isNamedImports(bindings)) names.push(...bindings.elements.map(element => element.name.text));
  return names;
}

function exportList(exports: ReadonlyMap<string, string>): string {
  return [...exports].map(([name, local]) => (name === local ? name : `${local} as ${name}`)).join(', ');
}

function builtinRequire(statement: ts.ImportDeclaration, source: ts.SourceFile): string {
  const specifier = statement.moduleSpecifier.getText(source);
  const clause = statement.importClause;
  if (!clause) return `require(${specifier});`;
  const lines: string[] = [];
  if (clause.name) lines.push(`const ${clause.name.text} = require(${specifier});`);
  const bindings = clause.namedBindings;
  if (bindings && ts.isNamespaceImport(bindings)) lines.push(`const ${bindings.name.text} = require(${specifier});`);
  if (bindings && ts.isNamedImports(bindings)) {
    const names = bindings.elements.map(element => (element.propertyName ? `${element.propertyName.text}: ${element.name.text}` : element.name.text));
    lines.push(`const { ${names.join(', ')} } = require(${specifier});`);
  }
  return lines.join('\n') || `require(${specifier}); // ${statement.getText(source)}`;
}

function header(format: string): string {
  return [
    `// ${VENDOR_MARKER} from ${PACKAGE_NAME}@${packageVersion()} (${format}).`,
    '// The shared, auto-refreshing AWS credential cache; no dependencies. Do not edit: re-run the',
    '// fix with --vendor-runtime to update it, or depend on the package and import',
    `// '${PACKAGE_NAME}/runtime' instead.`,
    '/* eslint-disable */',
  ].join('\n');
}

export interface VendoredRuntime {
  readonly code: string;
  /** Declarations for TypeScript projects. */
  readonly declarations: string;
}

/** The runtime as one file. `runtimeDir` is the compiled ESM runtime folder (dist/esm/src/runtime). */
export function buildVendoredRuntime(runtimeDir: string, format: 'esm' | 'cjs'): VendoredRuntime {
  if (!existsSync(join(runtimeDir, 'index.js'))) {
    throw new Error(`the compiled runtime is missing (${join(runtimeDir, 'index.js')}); build the package (npm run build) or reinstall it`);
  }
  const js = flatten(join(runtimeDir, 'index.js'), false);
  const imports =
    format === 'esm'
      ? js.builtins.map(statement => statement.getText(js.builtinSources.get(statement)))
      : js.builtins.map(statement => builtinRequire(statement, js.builtinSources.get(statement)!));
  const tail = format === 'esm' ? `export { ${exportList(js.exports)} };` : `module.exports = { ${[...js.exports].map(([name, local]) => (name === local ? name : `${name}: ${local}`)).join(', ')} };`;
  const code = [header(format), ...(format === 'cjs' ? ["'use strict';"] : []), ...imports, js.body, tail].join('\n\n') + '\n';
  const dts = existsSync(join(runtimeDir, 'index.d.ts')) ? flatten(join(runtimeDir, 'index.d.ts'), true) : undefined;
  const declarations = dts
    ? [header('declarations'), ...dts.builtins.map(statement => statement.getText(dts.builtinSources.get(statement))), dts.body, `export { ${exportList(dts.exports)} };`].join('\n\n') + '\n'
    : '';
  return { code, declarations };
}

/** The format a vendored file must have, from its extension and the project's package.json. */
export function vendorFormat(file: string, packageType: 'module' | 'commonjs'): 'esm' | 'cjs' {
  if (file.endsWith('.mjs')) return 'esm';
  if (file.endsWith('.cjs')) return 'cjs';
  return packageType === 'module' ? 'esm' : 'cjs';
}

/** `x.js` -> `x.d.ts`, `x.mjs` -> `x.d.mts`, `x.cjs` -> `x.d.cts`. */
export function declarationFileFor(file: string): string {
  return file.replace(/\.(c|m)?js$/, (_match, kind: string | undefined) => `.d.${kind ?? ''}ts`);
}
