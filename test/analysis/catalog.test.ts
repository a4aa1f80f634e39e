// The catalog's facts: what each API is, which ones cache by themselves, and the lookups.
import { describe, expect, it } from 'vitest';
import { MODULE_FRAGMENTS, entryFor, isCatalogModule, isV2GlobalCredentials, isV2StsClass } from '../../src/catalog/index.js';
import { V3_PROVIDERS } from '../../src/catalog/v3-providers.js';
import { V3_COMMANDS } from '../../src/catalog/v3-commands.js';
import { V2_CREDENTIALS } from '../../src/catalog/v2.js';
import { MSK_TOKENS } from '../../src/catalog/msk.js';

const ref = (module: string, ...path: string[]) => ({ module, path });

describe('catalog', () => {
  it('marks only the memoized node chain as self-caching (measured with the real SDK)', () => {
    expect(V3_PROVIDERS.filter((entry) => entry.selfCaching).map((entry) => entry.exportName).sort()).toEqual(['defaultProvider', 'fromNodeProviderChain']);
    for (const entry of [...V3_COMMANDS, ...V2_CREDENTIALS, ...MSK_TOKENS]) expect(entry.selfCaching).toBe(false);
  });

  it('covers the required v3 providers, commands, v2 classes and MSK generators', () => {
    expect(V3_PROVIDERS.map((entry) => entry.exportName)).toEqual(
      expect.arrayContaining(['fromTemporaryCredentials', 'fromIni', 'fromEnv', 'fromProcess', 'fromSSO', 'fromTokenFile', 'fromWebToken', 'fromContainerMetadata', 'fromInstanceMetadata', 'fromNodeProviderChain', 'fromCognitoIdentity', 'fromCognitoIdentityPool', 'fromHttp', 'createCredentialChain', 'defaultProvider']),
    );
    expect(V3_COMMANDS.map((entry) => entry.exportName)).toEqual(['AssumeRoleCommand', 'AssumeRoleWithWebIdentityCommand', 'AssumeRoleWithSAMLCommand', 'GetSessionTokenCommand', 'GetFederationTokenCommand', 'GetRoleCredentialsCommand', 'GetCredentialsForIdentityCommand']);
    expect(V2_CREDENTIALS).toHaveLength(12);
    expect(MSK_TOKENS.map((entry) => entry.exportName)).toEqual(['generateAuthToken', 'generateAuthTokenFromRole', 'generateAuthTokenFromProfile']);
  });

  it('has unique ids', () => {
    const ids = [...V3_PROVIDERS, ...V3_COMMANDS, ...V2_CREDENTIALS, ...MSK_TOKENS].map((entry) => entry.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it.each([
    [ref('@aws-sdk/credential-providers', 'fromIni'), 'call', 'v3:fromIni'],
    [ref('@aws-sdk/credential-provider-ini', 'fromIni'), 'call', 'v3:fromIni'],
    [ref('@aws-sdk/credential-provider-node', 'defaultProvider'), 'call', 'v3:defaultProvider'],
    [ref('@smithy/credential-provider-imds', 'fromInstanceMetadata'), 'call', 'v3:fromInstanceMetadata'],
    [ref('@aws-sdk/client-sts', 'AssumeRoleCommand'), 'new', 'v3:AssumeRoleCommand'],
    [ref('@aws-sdk/client-s3', 'S3Client'), 'new', 'v3:*Client'],
    [ref('@aws-sdk/rds-signer', 'Signer'), 'new', 'v3:Signer'],
    [ref('@smithy/signature-v4', 'SignatureV4'), 'new', 'v3:SignatureV4'],
    [ref('aws-sdk', 'ECSCredentials'), 'new', 'v2:ECSCredentials'],
    [ref('aws-sdk/global', 'TemporaryCredentials'), 'new', 'v2:TemporaryCredentials'],
    [ref('aws-sdk', 'S3'), 'new', 'v2:service'],
    [ref('aws-sdk/clients/s3'), 'new', 'v2:service'],
    [ref('aws-msk-iam-sasl-signer-js', 'generateAuthTokenFromRole'), 'call', 'msk:generateAuthTokenFromRole'],
  ] as const)('%o created with %s is %s', (reference, construct, id) => {
    expect(entryFor(reference, construct)?.id).toBe(id);
  });

  it.each([
    [ref('@aws-sdk/credential-providers', 'fromIni'), 'new'],
    [ref('@aws-sdk/client-s3', 'S3Client'), 'call'],
    [ref('@aws-sdk/lib-dynamodb', 'DynamoDBDocumentClient'), 'new'],
    [ref('@aws-sdk/client-dynamodb', 'DynamoDBDocumentClient'), 'new'],
    [ref('@aws-sdk/client-s3', 'S3ServiceException'), 'new'],
    [ref('aws-sdk', 'S3', 'ManagedUpload'), 'new'],
    [ref('aws-sdk', 'config'), 'new'],
    [ref('my-helpers', 'fromIni'), 'call'],
  ] as const)('%o created with %s is nothing', (reference, construct) => {
    expect(entryFor(reference, construct)).toBeUndefined();
  });

  it('knows the v2 STS class and the global credentials', () => {
    expect(isV2StsClass(ref('aws-sdk', 'STS'))).toBe(true);
    expect(isV2StsClass(ref('aws-sdk/clients/sts'))).toBe(true);
    expect(isV2GlobalCredentials(ref('aws-sdk', 'config', 'credentials'))).toBe(true);
    expect(isV2GlobalCredentials(ref('aws-sdk', 'config', 'region'))).toBe(false);
  });

  it('says which modules are worth analysing (the fast path)', () => {
    expect(MODULE_FRAGMENTS).toEqual(['@aws-sdk/', 'aws-sdk', 'aws-msk-iam-sasl-signer-js', '@smithy/']);
    expect(isCatalogModule('@aws-sdk/client-s3', 'rt')).toBe(true);
    expect(isCatalogModule('rt', 'rt')).toBe(true);
    expect(isCatalogModule('express', 'rt')).toBe(false);
  });
});
