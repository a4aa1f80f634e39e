// no-frozen-credentials: `await provider()` (or `await fromX()()`) resolves credentials once and
// hands a client static keys that expire. When the resolved value is only ever used as a client's
// `credentials` (directly, or through a variable used only that way), pass the provider itself:
// the client then resolves and refreshes it. Anything else is manual.
import type { TSESTree } from '@typescript-eslint/utils';
import type { Scopes } from '../scopes.js';
import type { FixPlan } from '../types.js';
import { outerParent, staticPropertyName } from '../walk.js';
import { manual } from './plans.js';

const MANUAL = 'pass the provider itself where the credentials are used (e.g. `credentials: provider`), so they are refreshed before they expire.';

/**
 * `resolved` is the expression that yields static credentials (the `await`, or the call when it
 * is not awaited); `providerText` the source of the provider to pass instead.
 */
export function unfreezePlan(resolved: TSESTree.Node, providerText: string, scopes: Scopes): FixPlan {
  const edit = (): FixPlan => ({
    kind: 'hoist',
    description: `pass the provider itself (\`${providerText}\`) as \`credentials\`, so the client refreshes it`,
    edits: [{ range: [resolved.range[0], resolved.range[1]], text: providerText }],
  });
  const { parent, child } = outerParent(resolved);
  if (isCredentialsValue(parent, child)) return edit();
  if (parent?.type !== 'VariableDeclarator' || parent.init !== child || parent.id.type !== 'Identifier') return manual(MANUAL);
  const declaration = parent.parent;
  if (declaration?.type !== 'VariableDeclaration') return manual(MANUAL);
  const variable = scopes.declaredVariables(parent).find((v) => v.name === (parent.id as TSESTree.Identifier).name);
  if (!variable) return manual(MANUAL);
  const uses = variable.references.filter((reference) => reference.identifier !== parent.id);
  if (uses.length === 0) return manual(MANUAL);
  for (const use of uses) {
    if (use.isWrite()) return manual(MANUAL);
    const around = outerParent(use.identifier as TSESTree.Node);
    if (!isCredentialsValue(around.parent, around.child)) {
      return manual(`\`${variable.name}\` is used for more than a client's \`credentials\`; ${MANUAL}`);
    }
  }
  return edit();
}

/** `{ credentials: x }` or `{ credentials }` in a `new Client({...})` config. */
function isCredentialsValue(parent: TSESTree.Node | undefined, child: TSESTree.Node): boolean {
  if (parent?.type !== 'Property' || parent.value !== child || staticPropertyName(parent) !== 'credentials') return false;
  const object = parent.parent;
  const holder = object ? outerParent(object).parent : undefined;
  return holder?.type === 'NewExpression';
}
