// Which STS client an STS call goes through, as far as a fix needs to know it: the client signs
// the call with its own credentials, so a rewrite that calls STS later (on refresh) must use the
// same client, or one built from the same configuration. Three shapes are known:
//   const sts = new STSClient(config?)   at module level  -> `sts` itself can be used anywhere
//   new AWS.STS(config?).assumeRole(...)  inline          -> the same `new` expression, re-run
// Anything else (a parameter, `this.sts`, a client built per request from request data) leaves the
// identity unknown and the fix manual.
import type { TSESTree } from '@typescript-eslint/utils';
import type { Scopes } from '../scopes.js';
import { unwrap } from '../walk.js';
import { stabilityOf } from './stability.js';

export interface StsClient {
  /** The receiver as written (`sts`, `new AWS.STS({ region })`), usable at module scope. */
  readonly text: string;
  /** The constructor's configuration, when it has one. */
  readonly config: TSESTree.ObjectExpression | undefined;
}

export type StsClientResult = { readonly client: StsClient } | { readonly reason: string };

/**
 * The client `receiver` names, when it is the same whether the call runs now or on a later refresh.
 * `insertAt`: where module-scope code using it would go (its inputs must be declared before).
 */
export function stsClientOf(receiver: TSESTree.Node, scopes: Scopes, text: string, insertAt: number): StsClientResult {
  const expression = unwrap(receiver);
  const stable = (node: TSESTree.Node): boolean => stabilityOf(node, { scopes, text, insertAt, isAllowedCall: () => false }).kind === 'static';
  if (expression.type === 'NewExpression') {
    const [config, ...rest] = expression.arguments;
    if (rest.length > 0 || (config && unwrap(config).type !== 'ObjectExpression')) return { reason: 'its STS client is built from a configuration the analysis cannot see' };
    if (!stable(expression.callee) || (config && !stable(config))) return { reason: 'its STS client is built per request from inputs that are not module constants' };
    return { client: { text: text.slice(expression.range[0], expression.range[1]), config: config ? (unwrap(config) as TSESTree.ObjectExpression) : undefined } };
  }
  if (expression.type !== 'Identifier') return { reason: `its STS client (\`${text.slice(expression.range[0], expression.range[1])}\`) is not a module-level constant, so which credentials sign the call is unknown` };
  const variable = scopes.findVariable(expression);
  const def = variable?.defs[0];
  if (!variable || variable.defs.length !== 1 || !def || !scopes.isModuleLevel(variable.scope) || def.node.type !== 'VariableDeclarator' || def.parent?.type !== 'VariableDeclaration' || def.parent.kind !== 'const') {
    return { reason: `its STS client \`${expression.name}\` is not a module-level \`const\`, so which credentials sign the call is unknown` };
  }
  if (def.name.range[0] >= insertAt) return { reason: `its STS client \`${expression.name}\` is declared after the code that uses it` };
  const init = def.node.init ? unwrap(def.node.init) : undefined;
  if (init?.type !== 'NewExpression') return { reason: `its STS client \`${expression.name}\` is not built with \`new\` where it is declared` };
  const [config, ...rest] = init.arguments;
  if (rest.length > 0 || (config && unwrap(config).type !== 'ObjectExpression')) return { reason: `the configuration of its STS client \`${expression.name}\` is not an object literal` };
  return { client: { text: expression.name, config: config ? (unwrap(config) as TSESTree.ObjectExpression) : undefined } };
}

/**
 * Names `node`'s text reads that a scope between `site` and module scope redeclares: the text
 * would mean something else if copied to the site.
 */
export function shadowedAt(node: TSESTree.Node, site: TSESTree.Node, scopes: Scopes): string[] {
  const read = new Set<string>();
  const visit = (current: TSESTree.Node, parent: TSESTree.Node | undefined): void => {
    if (current.type === 'Identifier') {
      const isKey = parent?.type === 'Property' && parent.key === current && !parent.computed && !parent.shorthand;
      const isMember = parent?.type === 'MemberExpression' && parent.property === current && !parent.computed;
      if (!isKey && !isMember) read.add(current.name);
      return;
    }
    for (const [key, value] of Object.entries(current)) {
      if (key === 'parent') continue;
      for (const child of Array.isArray(value) ? value : [value]) {
        if (child && typeof child === 'object' && typeof (child as { type?: unknown }).type === 'string') visit(child as TSESTree.Node, current);
      }
    }
  };
  visit(node, undefined);
  const shadowed: string[] = [];
  for (let scope: ReturnType<Scopes['scopeOf']> | null = scopes.scopeOf(site); scope && !scopes.isModuleLevel(scope); scope = scope.upper) {
    for (const name of read) if (scope.set.has(name)) shadowed.push(name);
  }
  return shadowed;
}
