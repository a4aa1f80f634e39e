// The names a plan imports (`cacheCredentials`, `sharedCredentials`, `fromNodeProviderChain` …)
// must be free in the file: a local, parameter or global of that name anywhere would clash with
// the added import (a redeclaration) or shadow it where the rewritten code reads it. Only an
// import of that very name from that very module may hold it already (the plan merges into it).
import type { TSESTree } from '@typescript-eslint/utils';
import { requiredModule } from '../bindings.js';
import type { Scopes, VariableLike } from '../scopes.js';
import type { FixPlan } from '../types.js';

/** Is `variable` the binding of `name` imported from `module` (`import { name }`, `const { name } = require(module)`)? */
function isImportOf(variable: VariableLike, module: string, name: string): boolean {
  if (variable.defs.length !== 1) return false;
  const def = variable.defs[0]!;
  const node = def.node;
  if (node.type === 'ImportSpecifier') {
    const imported = node.imported.type === 'Identifier' ? node.imported.name : String(node.imported.value);
    return imported === name && node.parent.type === 'ImportDeclaration' && node.parent.source.value === module;
  }
  if (node.type !== 'VariableDeclarator' || node.id.type !== 'ObjectPattern' || node.init?.type !== 'CallExpression' || requiredModule(node.init) !== module) return false;
  return node.id.properties.some(
    (property): property is TSESTree.Property =>
      property.type === 'Property' && !property.computed && property.key.type === 'Identifier' && property.key.name === name && property.value === def.name,
  );
}

/** The first name the plan would import that something else in the file already holds. */
export function clashingImportName(plan: FixPlan, scopes: Scopes): string | undefined {
  if (plan.kind === 'manual') return undefined;
  for (const { module, names } of plan.imports ?? []) {
    for (const name of names) {
      const holders = scopes.bindingsNamed(name);
      if (holders.global || holders.variables.some((variable) => !isImportOf(variable, module, name))) return name;
    }
  }
  return undefined;
}

export const importClashReason = (name: string): string =>
  `the fix imports \`${name}\`, but that name is taken by something else in this file; rename it (or import the runtime's under another name) and rewrite by hand.`;
