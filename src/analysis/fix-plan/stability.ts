// Can an expression move to module scope (static), or be part of a cache key (varying but free of
// side effects)? Anything else makes a rewrite unsafe, with the reason said in words.
import type { TSESTree } from '@typescript-eslint/utils';
import type { Scopes } from '../scopes.js';
import { dottedName, staticPropertyName, unwrap } from '../walk.js';

export type Stability =
  | { readonly kind: 'static' }
  | { readonly kind: 'varying'; readonly inputs: readonly string[] }
  | { readonly kind: 'unsafe'; readonly reason: string };

const STATIC: Stability = { kind: 'static' };
const UNIQUE_PER_CALL = /^(Date\.now|Math\.random|performance\.now|crypto\.randomUUID|randomUUID|uuid|v4|uuidv4|nanoid|process\.hrtime)$/;

export interface StabilityContext {
  readonly scopes: Scopes;
  readonly text: string;
  /** Offset where a hoisted declaration would be inserted: inputs must be declared before it. */
  readonly insertAt: number;
  /** Nested calls allowed as inputs (e.g. a catalog provider as `masterCredentials`). */
  readonly isAllowedCall: (call: TSESTree.CallExpression | TSESTree.NewExpression) => boolean;
}

export function stabilityOf(node: TSESTree.Node, context: StabilityContext): Stability {
  const expression = unwrap(node);
  switch (expression.type) {
    case 'Literal':
      return STATIC;
    case 'TemplateLiteral':
      return combine(expression.expressions.map((e) => stabilityOf(e, context)));
    case 'Identifier':
      return identifierStability(expression, context);
    case 'MemberExpression': {
      if (/^process\.env\./.test(dottedName(expression) ?? '')) return STATIC;
      if (expression.object.type === 'Identifier' && expression.object.name === 'process' && staticPropertyName(expression) === 'env') return STATIC;
      const object = stabilityOf(expression.object, context);
      const property = expression.computed ? stabilityOf(expression.property, context) : STATIC;
      const combined = combine([object, property]);
      return combined.kind === 'varying' ? { kind: 'varying', inputs: [text(expression, context)] } : combined;
    }
    case 'ObjectExpression':
      return combine(
        expression.properties.map((property) => {
          if (property.type === 'SpreadElement') return { kind: 'unsafe', reason: `it spreads \`${text(property.argument, context)}\`, whose fields the analysis cannot see` } as const;
          const key = property.computed ? stabilityOf(property.key, context) : STATIC;
          if (property.kind !== 'init' || property.method) return { kind: 'unsafe', reason: 'an input is a function' } as const;
          return combine([key, stabilityOf(property.value, context)]);
        }),
      );
    case 'ArrayExpression':
      return combine(expression.elements.map((element) => (element === null ? STATIC : element.type === 'SpreadElement' ? { kind: 'unsafe', reason: 'an input spreads an array' } as const : stabilityOf(element, context))));
    case 'UnaryExpression':
      return expression.operator === 'delete' ? { kind: 'unsafe', reason: 'an input deletes a property' } : stabilityOf(expression.argument, context);
    case 'BinaryExpression':
    case 'LogicalExpression':
      return combine([stabilityOf(expression.left, context), stabilityOf(expression.right, context)]);
    case 'ConditionalExpression':
      return combine([stabilityOf(expression.test, context), stabilityOf(expression.consequent, context), stabilityOf(expression.alternate, context)]);
    case 'CallExpression':
    case 'NewExpression': {
      const callee = dottedName(expression.callee) ?? '';
      if (UNIQUE_PER_CALL.test(callee) || (expression.type === 'NewExpression' && callee === 'Date')) {
        return { kind: 'unsafe', reason: `\`${text(expression, context)}\` makes every call's input unique, so nothing can be shared` };
      }
      if (context.isAllowedCall(expression)) {
        const inner = combine(expression.arguments.map((a) => stabilityOf(a, context)));
        return inner.kind === 'static' ? STATIC : { kind: 'unsafe', reason: `a nested provider \`${callee}()\` has inputs that vary per request` };
      }
      return { kind: 'unsafe', reason: `an input calls \`${callee || text(expression.callee, context)}()\`, which may have side effects` };
    }
    case 'ArrowFunctionExpression':
    case 'FunctionExpression':
      return { kind: 'unsafe', reason: 'an input is a function, which cannot be compared between requests' };
    case 'AwaitExpression':
      return { kind: 'unsafe', reason: 'an input is awaited per request' };
    default:
      return { kind: 'unsafe', reason: `an input (\`${text(expression, context)}\`) is not plain data` };
  }
}

function identifierStability(identifier: TSESTree.Identifier, context: StabilityContext): Stability {
  if (identifier.name === 'undefined') return STATIC;
  const variable = context.scopes.findVariable(identifier);
  if (!variable || variable.defs.length === 0) return { kind: 'unsafe', reason: `\`${identifier.name}\` is a global the analysis cannot see` };
  const def = variable.defs[0]!;
  if (!context.scopes.isModuleLevel(variable.scope)) return { kind: 'varying', inputs: [identifier.name] };
  if (def.type === 'ImportBinding' || def.type === 'FunctionName' || def.type === 'ClassName') return STATIC;
  if (def.name.range[0] >= context.insertAt) return { kind: 'unsafe', reason: `\`${identifier.name}\` is declared after the code that uses it` };
  const declaration = def.parent;
  if (declaration?.type === 'VariableDeclaration' && declaration.kind === 'const') return STATIC;
  // A module-level `let` may change between requests: it is part of the key.
  return { kind: 'varying', inputs: [identifier.name] };
}

function combine(parts: readonly Stability[]): Stability {
  const inputs: string[] = [];
  for (const part of parts) {
    if (part.kind === 'unsafe') return part;
    if (part.kind === 'varying') inputs.push(...part.inputs);
  }
  return inputs.length === 0 ? STATIC : { kind: 'varying', inputs: [...new Set(inputs)] };
}

function text(node: TSESTree.Node, context: StabilityContext): string {
  const raw = context.text.slice(node.range[0], node.range[1]);
  return raw.length > 40 ? `${raw.slice(0, 37)}...` : raw;
}
