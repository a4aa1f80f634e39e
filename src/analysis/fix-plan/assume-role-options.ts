// AssumeRole input (v3 `new AssumeRoleCommand({...})`, v2 `sts.assumeRole({...})`) -> the options
// of `fromTemporaryCredentials`: every AssumeRole parameter goes into `params` (RoleArn,
// RoleSessionName, ExternalId, DurationSeconds, Policy, PolicyArns, Tags, TransitiveTagKeys,
// SerialNumber, SourceIdentity, ProvidedContexts); `TokenCode` becomes `mfaCodeProvider`, which
// the provider calls with SerialNumber on every refresh. Values are copied as written.
import type { TSESTree } from '@typescript-eslint/utils';
import { reindent } from './plans.js';

const ASSUME_ROLE_PARAMS = new Set([
  'RoleArn',
  'RoleSessionName',
  'ExternalId',
  'DurationSeconds',
  'Policy',
  'PolicyArns',
  'Tags',
  'TransitiveTagKeys',
  'SerialNumber',
  'SourceIdentity',
  'ProvidedContexts',
]);

export type OptionsResult = { readonly text: string; readonly params: readonly string[] } | { readonly manual: string };

function keyName(property: TSESTree.Property): string | undefined {
  if (property.computed) return undefined;
  if (property.key.type === 'Identifier') return property.key.name;
  if (property.key.type === 'Literal' && typeof property.key.value === 'string') return property.key.value;
  return undefined;
}

function slice(text: string, node: TSESTree.Node): string {
  return text.slice(node.range[0], node.range[1]);
}

/** The `fromTemporaryCredentials({...})` argument for an AssumeRole input object, or why not. */
export function fromTemporaryCredentialsOptions(input: TSESTree.ObjectExpression, text: string): OptionsResult {
  const params: string[] = [];
  const names: string[] = [];
  let tokenCode: string | undefined;
  for (const property of input.properties) {
    if (property.type === 'SpreadElement') {
      params.push(slice(text, property));
      names.push(`...${slice(text, property.argument)}`);
      continue;
    }
    const name = keyName(property);
    if (!name || property.kind !== 'init' || property.method) return { manual: `AssumeRole parameter ${slice(text, property.key)} is computed or a method` };
    const value = property.shorthand ? name : slice(text, property.value);
    if (name === 'TokenCode') {
      tokenCode = value;
      continue;
    }
    if (!ASSUME_ROLE_PARAMS.has(name)) return { manual: `unknown AssumeRole parameter ${name}` };
    params.push(property.shorthand ? name : `${slice(text, property.key)}: ${value}`);
    names.push(name);
  }
  if (!names.includes('RoleArn') && !names.some(name => name.startsWith('...'))) return { manual: 'AssumeRole without RoleArn' };
  if (tokenCode !== undefined && !names.includes('SerialNumber') && !names.some(name => name.startsWith('...'))) {
    return { manual: 'TokenCode without SerialNumber' };
  }
  // Without TokenCode every input goes into `params` as written: keep the object's own text, comments included.
  const parts = [tokenCode === undefined ? `params: ${reindent(text, input)}` : `params: { ${params.join(', ')} }`];
  if (tokenCode !== undefined) parts.push(`mfaCodeProvider: async () => ${tokenCode}`);
  return { text: `{ ${parts.join(', ')} }`, params: names };
}
