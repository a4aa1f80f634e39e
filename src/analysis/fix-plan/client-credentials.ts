// A v3 client built per request from varying config (`new S3Client({ region: event.region })`)
// cannot move to module scope, but it can stop running the default chain per client: give it one
// module-scope `cacheCredentials(fromNodeProviderChain())` as `credentials`. That needs an import
// of `fromNodeProviderChain` from `@aws-sdk/credential-providers`, which a project does not
// always depend on: the plan is made only when the file already imports that package or the
// caller says the project can (`AnalysisOptions.availableModules`); otherwise it is manual.
import type { TSESTree } from '@typescript-eslint/utils';
import { requiredModule } from '../bindings.js';
import type { FixPlan, RuntimeImport, TextEdit } from '../types.js';
import { unwrap } from '../walk.js';
import { importsModule, startWithLeadingComments } from './imports.js';
import { type PlanContext, hoistedDeclaration, importEdits, manual, runtimeImport, topLevelStatement } from './plans.js';

const PROVIDERS_MODULE = '@aws-sdk/credential-providers';
const CHAIN = 'fromNodeProviderChain';

export function sharedDefaultChainPlan(
  client: TSESTree.NewExpression,
  clientName: string,
  context: PlanContext,
  availableModules: ReadonlySet<string>,
  why: string,
): FixPlan {
  const advice = `${why} Or give it \`credentials\`: one module-scope \`cacheCredentials(fromNodeProviderChain())\` from ${PROVIDERS_MODULE} shared by every client`;
  const identity = identitySetting(client);
  if (identity) return manual(`${why} Its config sets ${identity}, which picks the identity that signs: a shared default chain would sign as someone else, so it is left as it is.`);
  if (!availableModules.has(PROVIDERS_MODULE) && !importsModule(context.program, PROVIDERS_MODULE)) {
    return manual(`${advice} (not done automatically: this file does not import ${PROVIDERS_MODULE}).`);
  }
  const local = chainBinding(context.program);
  if (local === undefined && context.names.isTaken(CHAIN)) return manual(`${advice} (not done automatically: \`${CHAIN}\` names something else here).`);
  const insert = configInsertion(client, context.text);
  if (!insert) return manual(`${advice}.`);
  const statement = topLevelStatement(client);
  if (!statement) return manual(`${advice}.`);
  const insertAt = startWithLeadingComments(context.program, statement, context.text);
  const name = context.names.allocate('defaultCredentials');
  const imports: RuntimeImport[] = [runtimeImport(context, ['cacheCredentials'])];
  if (local === undefined) imports.unshift({ module: PROVIDERS_MODULE, names: [CHAIN] });
  const edits: TextEdit[] = [
    ...importEdits(context, imports),
    hoistedDeclaration(context.program, context.text, insertAt, name, `cacheCredentials(${local ?? CHAIN}())`),
    { range: insert.range, text: insert.text(`credentials: ${name}`) },
  ];
  return {
    kind: 'hoist',
    description: `credentials: ${name}, one module-scope cacheCredentials(${CHAIN}()) shared by every ${clientName}`,
    edits,
    imports,
  };
}

/**
 * Client settings that choose which identity signs: adding `credentials` next to them would replace
 * the provider that honours them (a `profile` client would sign with the default profile).
 */
const IDENTITY_SETTINGS = new Set(['profile', 'credentials', 'credentialDefaultProvider', 'roleArn', 'roleSessionName', 'roleAssumer', 'roleAssumerWithWebIdentity', 'webIdentityTokenFile', 'ssoSession']);

/** `\`profile\`` when the config carries an identity setting, `a spread` when it may carry one; undefined when it carries none. */
function identitySetting(client: TSESTree.NewExpression): string | undefined {
  const config = client.arguments[0] ? unwrap(client.arguments[0]) : undefined;
  if (!config) return undefined;
  if (config.type !== 'ObjectExpression') return 'a config the analysis cannot see';
  for (const property of config.properties) {
    if (property.type === 'SpreadElement') return 'a spread (it may carry a `profile`)';
    if (property.computed) return 'a computed key';
    const key = property.key.type === 'Identifier' ? property.key.name : property.key.type === 'Literal' ? String(property.key.value) : '';
    if (IDENTITY_SETTINGS.has(key)) return `\`${key}\``;
  }
  return undefined;
}

/**
 * Where `credentials: x` goes in the client's config: after its last property, or as the only
 * argument. In a config written one property per line it gets a line of its own, indented like
 * the others, after a comment that ends the last property's line, and with a trailing comma when
 * the config has one.
 */
function configInsertion(client: TSESTree.NewExpression, text: string): { range: [number, number]; text: (property: string) => string } | undefined {
  const config = client.arguments[0];
  if (!config) {
    const close = client.range[1] - 1;
    if (text[close] !== ')') return undefined;
    return { range: [close, close], text: (property) => `{ ${property} }` };
  }
  const object = unwrap(config);
  if (object.type !== 'ObjectExpression') return undefined;
  const last = object.properties[object.properties.length - 1];
  if (!last) return { range: [object.range[0] + 1, object.range[0] + 1], text: (property) => ` ${property} ` };
  const end = last.range[1];
  if (lineStart(text, last.range[0]) <= object.range[0]) return { range: [end, end], text: (property) => `, ${property}` };
  const indent = /^[ \t]*/.exec(text.slice(lineStart(text, last.range[0])))?.[0] ?? '';
  const comma = /^[ \t]*,/.exec(text.slice(end))?.[0].length ?? 0;
  const trailingComment = /^[ \t]*(?:\/\/[^\n]*|\/\*[^\n]*?\*\/[ \t]*)(?=\n)/.exec(text.slice(end + comma))?.[0].length ?? 0;
  const lineEnd = end + comma + trailingComment;
  if (comma > 0) return { range: [lineEnd, lineEnd], text: (property) => `\n${indent}${property},` };
  return { range: [end, lineEnd], text: (property) => `,${text.slice(end, lineEnd)}\n${indent}${property}` };
}

/** The offset of the first character of the line `offset` is on. */
function lineStart(text: string, offset: number): number {
  return text.lastIndexOf('\n', offset - 1) + 1;
}

/** The local name of an existing `import { fromNodeProviderChain as x }` / `const { fromNodeProviderChain: x } = require(...)`. */
function chainBinding(program: TSESTree.Program): string | undefined {
  for (const statement of program.body) {
    if (statement.type === 'ImportDeclaration' && statement.source.value === PROVIDERS_MODULE && statement.importKind !== 'type') {
      for (const specifier of statement.specifiers) {
        if (specifier.type === 'ImportSpecifier' && specifier.importKind !== 'type' && specifier.imported.type === 'Identifier' && specifier.imported.name === CHAIN) return specifier.local.name;
      }
    }
    if (statement.type !== 'VariableDeclaration') continue;
    for (const declarator of statement.declarations) {
      if (declarator.id.type !== 'ObjectPattern' || declarator.init?.type !== 'CallExpression' || requiredModule(declarator.init) !== PROVIDERS_MODULE) continue;
      for (const property of declarator.id.properties) {
        if (property.type === 'Property' && property.key.type === 'Identifier' && property.key.name === CHAIN && property.value.type === 'Identifier') return property.value.name;
      }
    }
  }
  return undefined;
}
