// The `sharedCredentials` key for a provider call whose inputs vary per request.
//
// Scheme (sound: two calls get equal keys only when they pass equal options to the same API):
//   key = { source: '<api name>', ...the options object's fields, as written }
// with two readability flattenings that stay injective for the catalog's providers:
//   - `params: { RoleArn: a, ... }` -> `RoleArn: a, ...` (STS parameters are PascalCase; no
//     provider has a PascalCase option of its own);
//   - `clientConfig: { region: r, ...rest }` -> `region: r` (+ `clientConfig: { ...rest }`); no
//     provider has a top-level `region` option.
// Calls that break those assumptions (a top-level `source`, `region` or PascalCase option, a
// spread, a computed key) get no key, and so a manual plan. Every value is copied verbatim, the
// static ones too, so the same code in two files with different constants never shares an entry.
// Values that may hold functions or class instances at run time (a provider, a logger, an opaque
// options object) cannot be keys: the runtime's stableKey refuses them; those calls are manual.
import type { TSESTree } from '@typescript-eslint/utils';
import { staticPropertyName, unwrap } from '../walk.js';

/** Option names (at any depth) whose values are functions or objects holding them. */
const FUNCTION_VALUED = new Set([
  'masterCredentials', 'mfaCodeProvider', 'logger', 'clientPlugins', 'credentials', 'credentialDefaultProvider',
  'requestHandler', 'retryStrategy', 'signer', 'customUserAgent', 'parentClientConfig', 'callerClientConfig',
]);

export type CacheKey = { readonly text: string } | { readonly manual: string };

export interface KeySource {
  readonly apiName: string;
  readonly node: TSESTree.CallExpression | TSESTree.NewExpression;
  readonly text: string;
  readonly quote: string;
  readonly comments: readonly TSESTree.Comment[];
}

const IDENTIFIER = /^[A-Za-z_$][\w$]*$/;

export function cacheKey(source: KeySource): CacheKey {
  const { node, text, quote } = source;
  const fields: string[] = [`source: ${quote}${source.apiName}${quote}`];
  if (node.arguments.length === 0) return { text: `{ ${fields[0]} }` };
  const options = unwrap(node.arguments[0]!);
  if (node.arguments.length > 1 || options.type !== 'ObjectExpression') {
    return { manual: `its options (\`${short(text, node.arguments[0]!)}\`) are not an object literal, and may hold functions or class instances, which cannot be part of a cache key` };
  }
  const slice = (n: TSESTree.Node): string => oneLine(text.slice(n.range[0], n.range[1]), n, source.comments);
  const topLevel = new Map<string, TSESTree.Property>();
  for (const property of options.properties) {
    const name = property.type === 'Property' && !property.computed ? staticPropertyName(property) : undefined;
    if (property.type !== 'Property' || name === undefined) return { manual: 'its options spread an object or compute a key, so no cache key can be built from them' };
    topLevel.set(name, property);
  }
  for (const name of topLevel.keys()) {
    if (name === 'source' || name === 'region' || /^[A-Z]/.test(name)) return { manual: `its option \`${name}\` is not one the cache-key scheme knows; share it by hand` };
  }
  const problem = functionValued(options);
  if (problem) return { manual: `\`${problem}\` holds a provider, function or object, which cannot be part of a cache key; build it once and key the rest by hand` };
  const field = (property: TSESTree.Property): string => {
    const name = staticPropertyName(property)!;
    if (property.shorthand) return name;
    const key = IDENTIFIER.test(name) ? name : quoteKey(name, quote);
    return `${key}: ${slice(property.value)}`;
  };
  for (const [name, property] of topLevel) {
    const value = unwrap(property.value);
    if (name === 'params' && value.type === 'ObjectExpression' && value.properties.every((p) => p.type === 'Property' && !p.computed && /^[A-Z]/.test(staticPropertyName(p) ?? ''))) {
      fields.push(...value.properties.map((p) => field(p as TSESTree.Property)));
    } else if (name === 'clientConfig' && value.type === 'ObjectExpression' && value.properties.every((p) => p.type === 'Property' && !p.computed && staticPropertyName(p) !== undefined)) {
      const inner = value.properties as TSESTree.Property[];
      const region = inner.find((p) => staticPropertyName(p) === 'region');
      if (region) fields.push(field(region));
      const rest = inner.filter((p) => p !== region);
      if (rest.length > 0) fields.push(`clientConfig: { ${rest.map(field).join(', ')} }`);
    } else {
      fields.push(field(property));
    }
  }
  return { text: `{ ${fields.join(', ')} }` };
}

/** The first option that may hold a function at run time, unless it is a plain literal. */
function functionValued(node: TSESTree.Node): string | undefined {
  const value = unwrap(node);
  if (value.type !== 'ObjectExpression') return undefined;
  for (const property of value.properties) {
    if (property.type !== 'Property') continue;
    const name = staticPropertyName(property);
    const inner = unwrap(property.value);
    if (name !== undefined && FUNCTION_VALUED.has(name) && inner.type !== 'Literal') return name;
    const nested = functionValued(inner);
    if (nested) return nested;
  }
  return undefined;
}

function quoteKey(name: string, quote: string): string {
  return `${quote}${name.replace(/\\/g, '\\\\').split(quote).join(`\\${quote}`)}${quote}`;
}

/** A value on one line for the key, unless that would swallow code into a line comment. */
function oneLine(value: string, node: TSESTree.Node, comments: readonly TSESTree.Comment[]): string {
  if (!value.includes('\n')) return value;
  const hasComment = comments.some((c) => c.range[0] >= node.range[0] && c.range[1] <= node.range[1]);
  const hasTemplate = /`/.test(value);
  return hasComment || hasTemplate ? value : value.replace(/\s*\n\s*/g, ' ');
}

function short(text: string, node: TSESTree.Node): string {
  const raw = text.slice(node.range[0], node.range[1]);
  return raw.length > 40 ? `${raw.slice(0, 37)}...` : raw;
}

/**
 * The key for an STS call's result shared per input (`AssumeRole`, `GetSessionToken` ...):
 *   { source: '<api>', <its PascalCase parameters, as written>, client: { <the STS client's configuration> } }
 * The client's configuration is part of it because that client's credentials sign the call: two
 * clients that differ in anything give two entries. Parameters are PascalCase, so `source` and
 * `client` never collide with one; `TokenCode` (a one-time MFA code) is left out. A client configuration that holds credentials, a provider or a
 * function cannot be a key: no key is built.
 */
export function stsCallKey(apiName: string, input: TSESTree.ObjectExpression | undefined, client: TSESTree.ObjectExpression | undefined, source: Omit<KeySource, 'apiName' | 'node'>): CacheKey {
  const { text, quote } = source;
  const slice = (n: TSESTree.Node): string => oneLine(text.slice(n.range[0], n.range[1]), n, source.comments);
  const fields: string[] = [`source: ${quote}${apiName}${quote}`];
  const field = (property: TSESTree.Property, name: string): string => {
    if (property.shorthand) return name;
    return `${IDENTIFIER.test(name) ? name : quoteKey(name, quote)}: ${slice(property.value)}`;
  };
  for (const property of input?.properties ?? []) {
    const name = property.type === 'Property' && !property.computed ? staticPropertyName(property) : undefined;
    if (property.type !== 'Property' || name === undefined) return { manual: 'its input spreads an object or computes a key, so no cache key can be built from it' };
    if (!/^[A-Z]/.test(name)) return { manual: `its input \`${name}\` is not an STS parameter` };
    // A one-time MFA code is asked for on each refresh (mfaCodeProvider), never part of the identity.
    if (name !== 'TokenCode') fields.push(field(property, name));
  }
  if (client && client.properties.length > 0) {
    if (client.properties.some((p) => p.type !== 'Property' || p.computed || staticPropertyName(p) === undefined)) {
      return { manual: "its STS client's configuration spreads an object or computes a key, so no cache key can tell that client from another" };
    }
    const problem = functionValued(client);
    if (problem) return { manual: `its STS client's configuration holds \`${problem}\`, which cannot be part of a cache key` };
    const clientFields = (client.properties as TSESTree.Property[]).map((p) => field(p, staticPropertyName(p)!));
    fields.push(`client: { ${clientFields.join(', ')} }`);
  }
  return { text: `{ ${fields.join(', ')} }` };
}
