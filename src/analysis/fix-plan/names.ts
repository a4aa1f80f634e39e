// Names for hoisted declarations: derived from the API, unique in the whole file (every scope, so
// nothing shadows them) and across all fixes planned for the file. When the plain name is taken
// (often by the local `const codeBuildClient = new CodeBuildClient({})` being hoisted), the name
// says what the instance is: qualified by the settings that tell it apart (`s3ClientEuWest1`,
// `iniCredentialsDev`), else `shared…` (the module's one instance); a number only as a last resort.
import type { TSESTree } from '@typescript-eslint/utils';

const upperFirst = (word: string): string => word.charAt(0).toUpperCase() + word.slice(1);

/** `eu-west-1` -> `EuWest1`, `reports_reader` -> `ReportsReader`; undefined when nothing usable is left. */
function qualifier(value: string): string | undefined {
  const words = value.split(/[^A-Za-z0-9]+/).filter(Boolean);
  const joined = words.map(upperFirst).join('');
  return joined.length > 0 && joined.length <= 32 ? joined : undefined;
}

export class NameAllocator {
  constructor(private readonly taken: Set<string>) {}

  isTaken(name: string): boolean {
    return this.taken.has(name);
  }

  /** `base`, else `base` + each qualifier, else `sharedBase`, else `base2`, `base3` … */
  allocate(base: string, qualifiers: readonly string[] = []): string {
    const candidates = [base, ...qualifiers.flatMap((value) => qualifier(value) ?? []).map((suffix) => `${base}${suffix}`), `shared${upperFirst(base)}`];
    let name = candidates.find((candidate) => !this.taken.has(candidate)) ?? base;
    for (let n = 2; this.taken.has(name); n++) name = `${base}${n}`;
    this.taken.add(name);
    return name;
  }
}

/** Settings whose string value tells one instance from another, in the order a name uses them. */
const DISTINGUISHING = ['region', 'profile', 'RoleSessionName', 'RoleArn', 'roleArn', 'clientName'];

/**
 * The string settings of a call's object arguments (nested ones too, `params: { RoleArn }`) that
 * tell its instance apart: `{ region: 'eu-west-1' }` -> ['eu-west-1']; a role ARN by its role name.
 */
export function qualifiersOf(node: TSESTree.CallExpression | TSESTree.NewExpression): string[] {
  const found = new Map<string, string>();
  const stack: TSESTree.Node[] = [...node.arguments];
  for (let budget = 200; stack.length > 0 && budget > 0; budget--) {
    const current = stack.pop()!;
    if (current.type !== 'ObjectExpression') continue;
    for (const property of current.properties) {
      if (property.type !== 'Property' || property.computed) continue;
      const key = property.key.type === 'Identifier' ? property.key.name : property.key.type === 'Literal' ? String(property.key.value) : '';
      if (property.value.type === 'ObjectExpression') stack.push(property.value);
      else if (property.value.type === 'Literal' && typeof property.value.value === 'string' && DISTINGUISHING.includes(key) && !found.has(key)) {
        found.set(key, /arn$/i.test(key) ? property.value.value.replace(/^.*[:/]/, '') : property.value.value);
      }
    }
  }
  return DISTINGUISHING.flatMap((key) => found.get(key) ?? []);
}

/** `STSClient` -> `stsClient`, `S3Client` -> `s3Client`, `DynamoDBClient` -> `dynamoDBClient`. */
function lowerFirstWord(name: string): string {
  const caps = /^[A-Z0-9]+/.exec(name)?.[0] ?? '';
  if (caps.length <= 1 || caps.length === name.length) return name.charAt(0).toLowerCase() + name.slice(1);
  const keep = /[a-z]/.test(name.charAt(caps.length)) ? caps.length - 1 : caps.length;
  return name.slice(0, keep).toLowerCase() + name.slice(keep);
}

/** `fromTemporaryCredentials` -> `temporaryCredentials`, `fromIni` -> `iniCredentials`, `S3Client` -> `s3Client`. */
export function baseNameFor(apiName: string): string {
  if (apiName === 'defaultProvider') return 'defaultCredentials';
  const stem = apiName.startsWith('from') ? apiName.slice(4) : apiName;
  const name = lowerFirstWord(stem);
  return /Credentials$|Client$|Chain$|Signer$|^signer$/.test(name) ? name : `${name}Credentials`;
}
