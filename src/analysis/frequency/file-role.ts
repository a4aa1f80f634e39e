// What a whole file is for, from its path and its shape: test code and scripts run once per run,
// whatever their functions look like; application code is judged function by function.
import type { TSESTree } from '@typescript-eslint/utils';
import { childNodes, dottedName } from '../walk.js';

/** `test`: every line runs once per test run. `script`: functions run once per command; loops still repeat. */
export type FileRole = 'test' | 'script' | 'app';

const TEST_DIRECTORY = /(^|[\\/])(__tests__|__mocks__|test|tests|spec|specs|e2e|integ|integ-tests|integration|cypress|playwright|test-utils?|testutils?|test-helpers?|testing)[\\/]/;
const TEST_FILE = /\.(test|spec|e2e|integ|stories|story|bench)\.[cm]?[jt]sx?$/;
const SCRIPT_DIRECTORY = /(^|[\\/])(scripts?|bin|tools|tooling)[\\/]/;
const TOOLING_FILE = /(^|[\\/])(gulpfile|gruntfile|jakefile|webpack\.config|rollup\.config|vite\.config|esbuild\.config|jest\.config|vitest\.config|playwright\.config|cypress\.config|\.projenrc|deploy|seed|migrate)[.\w-]*\.[cm]?[jt]sx?$/i;
/** Packages whose presence makes a file a command-line program. */
const CLI_PACKAGES = new Set(['commander', 'yargs', 'yargs/yargs', '@oclif/core', '@oclif/command', 'cac', 'meow', 'sade', 'clipanion', 'citty', 'inquirer', '@inquirer/prompts', 'prompts', 'enquirer', 'vorpal', 'caporal', '@caporal/core', 'minimist', 'arg', 'mri', 'getopts', 'command-line-args', 'clipanion']);

/** Infrastructure-as-code frameworks: their programs build a deployment, once per `synth` or `up`. */
const IAC_PACKAGES = new Set(['aws-cdk-lib', 'constructs', '@aws-cdk/core', 'cdktf', '@cdktf/provider-aws', '@pulumi/pulumi', '@pulumi/aws', 'sst', 'sst/constructs']);

export function fileRoleOf(filename: string | undefined, program: TSESTree.Program, text: string): FileRole {
  const path = filename ?? '';
  if (TEST_DIRECTORY.test(path) || TEST_FILE.test(path)) return 'test';
  if (exportsHandler(program)) return 'app';
  // A shebang names a program; one that serves (`bin/www`, an MCP server on stdio) runs for the life of a process.
  if ((text.startsWith('#!') && !SERVES.test(text)) || SCRIPT_DIRECTORY.test(path) || TOOLING_FILE.test(path)) return 'script';
  if (importsAny(program, CLI_PACKAGES) || ((hasRequireMainCheck(program) || hasEsmMainCheck(program)) && !SERVES.test(text))) return 'script';
  // Infrastructure as code (CDK, CDKTF, Pulumi) runs at synth or deploy time, once per command.
  if (importsAny(program, IAC_PACKAGES)) return 'script';
  if ((callsEntryAtTopLevel(program) || readsArgvAtTopLevel(program)) && !exportsAnything(program) && !SERVES.test(text)) return 'script';
  return 'app';
}

/**
 * An application module that only run-once code imports is run-once too (src/project/importers.ts),
 * unless it is an entry of its own: it exports a Lambda handler, or serves or polls.
 */
export function mayTakeImportersRole(program: TSESTree.Program, text: string): boolean {
  return !exportsHandler(program) && !SERVES.test(text);
}

/** A program that serves or polls keeps running (an MCP server on stdio too): its top-level `main()` starts a process, not one run. */
const SERVES = /\.listen\s*\(|createServer\s*\(|setInterval\s*\(|\.subscribe\s*\(|\.run\s*\(\s*\{|(Stdio|SSE|StreamableHTTP)ServerTransport\b/;
const ENTRY_NAME = /^(main|run|cli|execute|start)$/;

/** `main();`, `await main()`, `main().catch(…)`, `void run()`, a call of a function this file declares, `(async () => { … })()`, at the top level (or in a top-level `try`). */
function callsEntryAtTopLevel(program: TSESTree.Program): boolean {
  const statements = program.body.flatMap((statement) => (statement.type === 'TryStatement' ? statement.block.body : [statement]));
  return statements.some((statement) => {
    if (statement.type !== 'ExpressionStatement') return false;
    let expression: TSESTree.Node = statement.expression;
    for (;;) {
      if (expression.type === 'AwaitExpression' || (expression.type === 'UnaryExpression' && expression.operator === 'void')) expression = expression.argument;
      else if (expression.type === 'CallExpression' && expression.callee.type === 'MemberExpression' && /^(then|catch|finally)$/.test(dottedName(expression.callee.property) ?? '')) expression = expression.callee.object;
      else break;
    }
    if (expression.type !== 'CallExpression') return false;
    const callee = expression.callee;
    if (callee.type === 'ArrowFunctionExpression' || callee.type === 'FunctionExpression') return true;
    return callee.type === 'Identifier' && (ENTRY_NAME.test(callee.name) || declaredFunctions(program).has(callee.name));
  });
}

/** `const count = Number(process.argv[2])` outside any function: a program run with arguments. */
function readsArgvAtTopLevel(program: TSESTree.Program): boolean {
  const stack: TSESTree.Node[] = program.body.filter((statement) => statement.type === 'VariableDeclaration' || statement.type === 'ExpressionStatement');
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (node.type === 'MemberExpression' && dottedName(node) === 'process.argv') return true;
    if (node.type === 'FunctionExpression' || node.type === 'ArrowFunctionExpression' || node.type === 'FunctionDeclaration' || node.type === 'ClassExpression') continue;
    stack.push(...childNodes(node));
  }
  return false;
}

/** Names of the functions declared at the top level (`function f`, `const f = () => …`). */
function declaredFunctions(program: TSESTree.Program): Set<string> {
  const names = new Set<string>();
  for (const statement of program.body) {
    if (statement.type === 'FunctionDeclaration' && statement.id) names.add(statement.id.name);
    if (statement.type === 'VariableDeclaration') {
      for (const declarator of statement.declarations) {
        const init = declarator.init;
        if (declarator.id.type === 'Identifier' && (init?.type === 'ArrowFunctionExpression' || init?.type === 'FunctionExpression')) names.add(declarator.id.name);
      }
    }
  }
  return names;
}

/** ESM or CommonJS exports of any kind: a module others import, not only a program. */
function exportsAnything(program: TSESTree.Program): boolean {
  return program.body.some((statement) => {
    if (statement.type === 'ExportNamedDeclaration' || statement.type === 'ExportDefaultDeclaration' || statement.type === 'ExportAllDeclaration' || statement.type === 'TSExportAssignment') return true;
    return statement.type === 'ExpressionStatement' && statement.expression.type === 'AssignmentExpression' && /^(module\.)?exports(\.|$)/.test(dottedName(statement.expression.left) ?? '');
  });
}

/** A Lambda-style `handler` export keeps a file an application even in `scripts/`; a package entry with one is a Lambda package. */
export function exportsHandler(program: TSESTree.Program): boolean {
  for (const statement of program.body) {
    if (statement.type === 'ExportNamedDeclaration') {
      const declaration = statement.declaration;
      if (declaration?.type === 'FunctionDeclaration' && declaration.id && /handler/i.test(declaration.id.name)) return true;
      if (declaration?.type === 'VariableDeclaration' && declaration.declarations.some((d) => d.id.type === 'Identifier' && /handler/i.test(d.id.name))) return true;
    }
    if (statement.type === 'ExpressionStatement' && statement.expression.type === 'AssignmentExpression') {
      const target = dottedName(statement.expression.left) ?? '';
      if (/^(module\.)?exports\.\w*handler/i.test(target)) return true;
    }
  }
  return false;
}

function importsAny(program: TSESTree.Program, packages: ReadonlySet<string>): boolean {
  for (const statement of program.body) {
    if (statement.type === 'ImportDeclaration' && packages.has(statement.source.value)) return true;
    if (statement.type === 'VariableDeclaration') {
      for (const declarator of statement.declarations) {
        let init = declarator.init;
        while (init && (init.type === 'CallExpression' || init.type === 'MemberExpression')) {
          if (init.type === 'CallExpression' && init.callee.type === 'Identifier' && init.callee.name === 'require') {
            const argument = init.arguments[0];
            if (argument?.type === 'Literal' && typeof argument.value === 'string' && packages.has(argument.value)) return true;
            break;
          }
          init = init.type === 'CallExpression' ? (init.callee as TSESTree.Expression) : init.object;
        }
      }
    }
  }
  return false;
}

/** `if (process.argv[1] === fileURLToPath(import.meta.url))` (and the `pathToFileURL` form) at the top level. */
function hasEsmMainCheck(program: TSESTree.Program): boolean {
  return program.body.some((statement) => {
    if (statement.type !== 'IfStatement') return false;
    let argv = false;
    let meta = false;
    const stack: TSESTree.Node[] = [statement.test];
    while (stack.length > 0) {
      const node = stack.pop()!;
      if (node.type === 'MetaProperty') meta = true;
      if (node.type === 'MemberExpression') {
        if (dottedName(node.object) === 'process' && node.property.type === 'Identifier' && node.property.name === 'argv') argv = true;
        stack.push(node.object);
      } else if (node.type === 'BinaryExpression' || node.type === 'LogicalExpression') stack.push(node.left, node.right);
      else if (node.type === 'CallExpression') stack.push(node.callee, ...(node.arguments as TSESTree.Node[]));
      else if (node.type === 'UnaryExpression') stack.push(node.argument);
    }
    return argv && meta;
  });
}

/** `if (require.main === module)` at the top level: the file is run as a program. */
function hasRequireMainCheck(program: TSESTree.Program): boolean {
  return program.body.some((statement) => {
    if (statement.type !== 'IfStatement' || statement.test.type !== 'BinaryExpression') return false;
    const sides = [dottedName(statement.test.left), dottedName(statement.test.right)];
    return sides.includes('require.main') && sides.includes('module');
  });
}
