// Names for hoisted declarations: derived from the API, unique in the whole file (every scope, so
// nothing shadows them) and across all fixes planned for the file.

export class NameAllocator {
  constructor(private readonly taken: Set<string>) {}

  isTaken(name: string): boolean {
    return this.taken.has(name);
  }

  allocate(base: string): string {
    let name = base;
    for (let n = 2; this.taken.has(name); n++) name = `${base}${n}`;
    this.taken.add(name);
    return name;
  }
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
