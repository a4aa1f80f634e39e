// Lookups over the catalog tables: given what an expression refers to (a module and a member
// path), which API is it?
import { ENDPOINT_MARKERS } from './endpoints.js';
import { MSK_TOKENS } from './msk.js';
import { RUNTIME_WRAPPERS } from './runtime.js';
import type { CatalogEntry } from './types.js';
import { V2_CLIENT, V2_CREDENTIALS, V2_MODULES, V2_NON_SERVICES } from './v2.js';
import { NOT_CLIENTS, UNSIGNED_OPERATIONS, V3_CLIENTS, type UnsignedOperations } from './v3-clients.js';
import { V3_COMMANDS } from './v3-commands.js';
import { V3_PROVIDERS } from './v3-providers.js';

export type { CatalogEntry, CredentialOrigin } from './types.js';
export { V2_CONFIG_CREDENTIALS, V2_STS_CALL, V2_STS_METHODS, V2_GLOBAL_CREDENTIALS } from './v2.js';

export { CREDENTIAL_ENDPOINTS, ENDPOINT_MARKERS } from './endpoints.js';

/** A factory of the project's own code, found through a module summary. */
export const FACTORY_ENTRY: CatalogEntry = { id: 'project:factory', sdk: 'v3', modules: [], kind: 'project-factory', construct: 'call', selfCaching: false };

/** What an expression refers to: a module, or a member path inside it. */
export interface ModuleRef {
  readonly module: string;
  readonly path: readonly string[];
}

const BY_EXPORT = new Map<string, CatalogEntry[]>();
for (const entry of [...V3_PROVIDERS, ...V3_COMMANDS, ...MSK_TOKENS, ...V2_CREDENTIALS, ...V3_CLIENTS]) {
  if (!entry.exportName) continue;
  const list = BY_EXPORT.get(entry.exportName) ?? [];
  list.push(entry);
  BY_EXPORT.set(entry.exportName, list);
}

/** Module names whose mention makes a file worth analysing at all. */
export const MODULE_FRAGMENTS = ['@aws-sdk/', 'aws-sdk', 'aws-msk-iam-sasl-signer-js', '@smithy/'] as const;

/**
 * Does the text mention an AWS module or a credential endpoint at all? A text check, for what
 * must be decided before (or without) a parse: whether to parse, whether a parse error matters.
 */
export function mentionsAws(text: string): boolean {
  return MODULE_FRAGMENTS.some((fragment) => text.includes(fragment)) || ENDPOINT_MARKERS.some((marker) => text.includes(marker));
}

export function isCatalogModule(module: string, runtimeModule: string): boolean {
  return module === runtimeModule || MODULE_FRAGMENTS.some((fragment) => module.startsWith(fragment));
}

function matchesModule(patterns: readonly string[], module: string): boolean {
  return patterns.some((pattern) => (pattern.endsWith('*') ? module.startsWith(pattern.slice(0, -1)) : pattern === module));
}

const isV2Module = (module: string): boolean => (V2_MODULES as readonly string[]).includes(module);

/** The catalog entry an expression refers to, when it is created with `construct`. */
export function entryFor(ref: ModuleRef, construct: 'call' | 'new'): CatalogEntry | undefined {
  if (ref.module.startsWith('aws-sdk/clients/')) return ref.path.length === 0 && construct === 'new' ? V2_CLIENT : undefined;
  if (ref.path.length !== 1) return undefined;
  const name = ref.path[0]!;
  const exact = BY_EXPORT.get(name)?.find((entry) => entry.construct === construct && matchesModule(entry.modules, ref.module));
  if (exact) return exact;
  if (construct !== 'new') return undefined;
  if (ref.module.startsWith('@aws-sdk/client-') && name.endsWith('Client') && !NOT_CLIENTS.has(name)) return V3_CLIENTS[0];
  if (isV2Module(ref.module) && /^[A-Z]/.test(name) && !V2_NON_SERVICES.has(name)) return V2_CLIENT;
  return undefined;
}

/** True for the SDK v2 STS class (`AWS.STS`, `aws-sdk/clients/sts`). */
export function isV2StsClass(ref: ModuleRef): boolean {
  return (isV2Module(ref.module) && ref.path.length === 1 && ref.path[0] === 'STS') || (ref.module === 'aws-sdk/clients/sts' && ref.path.length === 0);
}

/** True for `AWS.config.credentials`. */
export function isV2GlobalCredentials(ref: ModuleRef): boolean {
  return isV2Module(ref.module) && ref.path.length === 2 && ref.path[0] === 'config' && ref.path[1] === 'credentials';
}

export function runtimeWrapperOf(ref: ModuleRef, runtimeModule: string): string | undefined {
  return ref.module === runtimeModule && ref.path.length === 1 && RUNTIME_WRAPPERS.has(ref.path[0]!) ? ref.path[0] : undefined;
}

/** The never-signed operations of an SDK v3 client class (`STSClient` of @aws-sdk/client-sts …), if it has any. */
export function unsignedOperationsOf(ref: ModuleRef): UnsignedOperations | undefined {
  const name = ref.path[ref.path.length - 1];
  return ref.module.startsWith('@aws-sdk/client-') && ref.path.length === 1 && name ? UNSIGNED_OPERATIONS.get(name) : undefined;
}
