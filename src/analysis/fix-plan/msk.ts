// aws-msk-iam-sasl-signer-js: `generateAuthTokenFromRole({ region, awsRoleArn, ... })` builds the
// same provider the signer builds inside, once (hoisted) or per key, and signs with
// `generateAuthTokenFromCredentialsProvider({ region, awsCredentialsProvider })`.
import type { TSESTree } from '@typescript-eslint/utils';
import type { FixPlan, RuntimeImport, TextEdit } from '../types.js';
import { staticPropertyName, unwrap } from '../walk.js';
import { importsModule, renameOnlyUseEdit, startWithLeadingComments } from './imports.js';
import { PROVIDERS_MODULE } from './assume-role.js';
import { type PlanContext, hoistedDeclaration, importEdits, manual, preferredQuote, runtimeImport, topLevelStatement } from './plans.js';
import { type Stability, stabilityOf } from './stability.js';

const SIGNER_MODULE = 'aws-msk-iam-sasl-signer-js';
const SIGN_WITH_PROVIDER = 'generateAuthTokenFromCredentialsProvider';

interface ProviderRecipe {
  readonly factory: string;
  /** Options consumed by the signer to build its provider; the rest are passed on unchanged. */
  readonly consumed: readonly string[];
  readonly required: readonly string[];
  readonly text: (value: (name: string) => string | undefined, quote: string) => string;
}

/** The provider each generator builds inside (see the package's mskCredentialProvider.js). */
const RECIPES: Record<string, ProviderRecipe> = {
  generateAuthTokenFromRole: {
    factory: 'fromTemporaryCredentials',
    consumed: ['region', 'awsRoleArn', 'awsRoleSessionName'],
    required: ['region', 'awsRoleArn'],
    text: (v, q) => `fromTemporaryCredentials({ params: { RoleArn: ${v('awsRoleArn')}, RoleSessionName: ${v('awsRoleSessionName') ?? `${q}MSKSASLDefaultSession${q}`} }, clientConfig: { region: ${v('region')} } })`,
  },
  generateAuthTokenFromProfile: {
    factory: 'fromIni',
    consumed: ['region', 'awsProfileName'],
    required: ['region', 'awsProfileName'],
    text: (v) => `fromIni({ profile: ${v('awsProfileName')} })`,
  },
  generateAuthToken: {
    factory: 'fromNodeProviderChain',
    consumed: ['region', 'awsRoleSessionName'],
    required: ['region'],
    text: (v, q) => `fromNodeProviderChain({ roleSessionName: ${v('awsRoleSessionName') ?? `${q}MSKSASLDefaultSession${q}`}, clientConfig: { region: ${v('region')} } })`,
  },
};

export function mskPlan(call: TSESTree.CallExpression, exportName: string, context: PlanContext): FixPlan {
  const recipe = RECIPES[exportName];
  const options = call.arguments[0] ? unwrap(call.arguments[0]) : undefined;
  if (!recipe || call.arguments.length !== 1 || options?.type !== 'ObjectExpression') return manual(reason('its options are not an object literal'));
  const properties = new Map<string, TSESTree.Property>();
  for (const property of options.properties) {
    const name = property.type === 'Property' && !property.computed ? staticPropertyName(property) : undefined;
    if (property.type !== 'Property' || name === undefined) return manual(reason('its options spread or compute keys'));
    properties.set(name, property);
  }
  const missing = recipe.required.find((name) => !properties.has(name));
  if (missing) return manual(reason(`\`${missing}\` is not given`));
  const statement = topLevelStatement(call);
  if (!statement) return manual(reason('it is not inside a top-level statement'));
  // The provider comes from @aws-sdk/credential-providers: imported already, or a dependency
  // (`fix` adds it to the nearest package.json where it can, as for AssumeRole).
  if (!context.availableModules.has(PROVIDERS_MODULE) && !importsModule(context.program, PROVIDERS_MODULE)) {
    return manual(reason(`the fix needs ${PROVIDERS_MODULE}, which is not among the project's dependencies: add it, then run the fix again`));
  }
  const insertAt = startWithLeadingComments(context.program, statement, context.text);
  const slice = (node: TSESTree.Node): string => context.text.slice(node.range[0], node.range[1]);
  const value = (name: string): string | undefined => {
    const property = properties.get(name);
    return property ? slice(property.value) : undefined;
  };
  const consumed = recipe.consumed.flatMap((name) => properties.get(name)?.value ?? []);
  const stability = combined(consumed.map((node) => stabilityOf(node, { scopes: context.scopes, text: context.text, insertAt, isAllowedCall: () => false })));
  if (stability.kind === 'unsafe') return manual(`${stability.reason}.`);
  const quote = preferredQuote(context.text);
  const providerText = recipe.text(value, quote);
  const edits: TextEdit[] = [];
  const imports: RuntimeImport[] = [{ module: PROVIDERS_MODULE, names: [recipe.factory] }];
  let providerExpression: string;
  let description: string;
  if (stability.kind === 'static') {
    const name = context.names.allocate('mskCredentials');
    edits.push(hoistedDeclaration(context.program, context.text, insertAt, name, `cacheCredentials(${providerText})`));
    imports.push(runtimeImport(context, ['cacheCredentials']));
    providerExpression = name;
    description = `const ${name} = cacheCredentials(${recipe.factory}(…)) passed to ${SIGN_WITH_PROVIDER}`;
  } else {
    const key = [`source: ${quote}${exportName}${quote}`, ...recipe.consumed.filter((n) => properties.has(n)).map((n) => `${n}: ${value(n)}`)].join(', ');
    providerExpression = `sharedCredentials({ ${key} }, () => ${providerText})`;
    imports.push(runtimeImport(context, ['sharedCredentials']));
    description = `sharedCredentials({ ${key} }, () => ${recipe.factory}(…)) passed to ${SIGN_WITH_PROVIDER}`;
  }
  const passedOn = [...properties.entries()].filter(([name]) => name !== 'region' && !recipe.consumed.includes(name)).map(([, property]) => slice(property));
  const argument = [`region: ${value('region')}`, `awsCredentialsProvider: ${providerExpression}`, ...passedOn].join(', ');
  const callee = unwrap(call.callee);
  const calleeText = callee.type === 'MemberExpression' ? `${slice(callee.object)}.${SIGN_WITH_PROVIDER}` : SIGN_WITH_PROVIDER;
  // `import { generateAuthTokenFromRole }` used only here becomes the import of the new signer function.
  const renamed = context.names.isTaken(SIGN_WITH_PROVIDER) ? undefined : renameOnlyUseEdit(callee, context.scopes, SIGN_WITH_PROVIDER);
  if (renamed) edits.push(renamed);
  else if (callee.type !== 'MemberExpression') imports.push({ module: SIGNER_MODULE, names: [SIGN_WITH_PROVIDER] });
  edits.push({ range: [call.range[0], call.range[1]], text: `${calleeText}({ ${argument} })` });
  edits.unshift(...importEdits(context, imports));
  return stability.kind === 'static'
    ? { kind: 'hoist', description, edits, imports }
    : { kind: 'keyed', description, edits, imports, keyInputs: stability.inputs };
}

function reason(why: string): string {
  return `${why}; build one provider at module scope (\`cacheCredentials(fromTemporaryCredentials(...))\`) and call \`${SIGN_WITH_PROVIDER}({ region, awsCredentialsProvider })\` with it.`;
}

function combined(parts: readonly Stability[]): Stability {
  const unsafe = parts.find((p) => p.kind === 'unsafe');
  if (unsafe) return unsafe;
  const inputs = parts.flatMap((p) => (p.kind === 'varying' ? p.inputs : []));
  return inputs.length === 0 ? { kind: 'static' } : { kind: 'varying', inputs: [...new Set(inputs)] };
}
