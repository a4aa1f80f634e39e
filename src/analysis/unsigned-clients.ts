// Does an SDK v3 client created here ever sign a request? A client the catalog lists with
// never-signed operations (SSO, SSO-OIDC, Cognito Identity's GetId/GetCredentialsForIdentity,
// STS's AssumeRoleWithWebIdentity/SAML) and used, as far as the file shows, for those only never
// resolves credentials: one per request fetches nothing, and `credentials` on it changes nothing.
// The uses read: `new X(…).send(new YCommand(…))` and a `const x = new X(…)` whose every reference
// is `x.send(new YCommand(…))` (or `x.destroy()`); anything else is a use the file does not show.
import type { TSESTree } from '@typescript-eslint/utils';
import { unsignedOperationsOf } from '../catalog/index.js';
import type { Bindings, Resolved } from './bindings.js';
import type { Scopes } from './scopes.js';
import { staticPropertyName, unwrap } from './walk.js';

/** The operations sent on the client, or undefined when some use is not a visible `send`. */
function operationsSent(node: TSESTree.NewExpression, module: string, bindings: Bindings, scopes: Scopes): Set<string> | undefined {
  const operations = new Set<string>();
  /** `<client>.send(new XCommand(…))` / `<client>.destroy()` around `use`; false for anything else. */
  const visible = (use: TSESTree.Node): boolean => {
    let outer = use;
    while (outer.parent && (outer.parent.type === 'TSNonNullExpression' || outer.parent.type === 'TSAsExpression' || outer.parent.type === 'TSSatisfiesExpression')) outer = outer.parent;
    const member = outer.parent;
    if (member?.type !== 'MemberExpression' || member.object !== outer || member.computed) return false;
    const call = member.parent;
    if (call?.type !== 'CallExpression' || call.callee !== member) return false;
    const method = staticPropertyName(member);
    if (method === 'destroy') return true;
    const command = call.arguments[0] ? unwrap(call.arguments[0]) : undefined;
    if (method !== 'send' || command?.type !== 'NewExpression') return false;
    const ref = bindings.resolve(command.callee);
    const name = ref?.path[0];
    if (!ref || ref.module !== module || ref.path.length !== 1 || !name?.endsWith('Command')) return false;
    operations.add(name.slice(0, -'Command'.length));
    return true;
  };
  const parent = node.parent;
  if (parent?.type === 'VariableDeclarator' && parent.init === node && parent.id.type === 'Identifier') {
    const variable = scopes.findVariable(parent.id);
    if (!variable || variable.defs.length !== 1) return undefined;
    const uses = variable.references.filter((reference) => !reference.init);
    if (uses.some((reference) => reference.isWrite() || reference.identifier.type !== 'Identifier')) return undefined;
    return uses.every((reference) => visible(reference.identifier)) ? operations : undefined;
  }
  return visible(node) ? operations : undefined;
}

/** True when the client `new <callee>(…)` is known never to sign a request. */
export function signsNothing(node: TSESTree.NewExpression, callee: Resolved, bindings: Bindings, scopes: Scopes): boolean {
  const unsigned = unsignedOperationsOf(callee);
  if (!unsigned) return false;
  const sent = operationsSent(node, callee.module, bindings, scopes);
  if (!sent || sent.size === 0) return !unsigned.unseenMaySign;
  return [...sent].every((operation) => unsigned.operations.has(operation));
}
