// SARIF 2.1.0 for GitHub code scanning and other SARIF consumers: one run, the plugin's rules
// as reportingDescriptors (with helpUri from meta.docs.url), one result per finding.
import { isAbsolute } from 'node:path';
import { pathToFileURL } from 'node:url';
import { meta, rules } from '../index.js';
import { FINGERPRINT_KEY, fingerprints } from './fingerprint.js';
import type { ScanResult } from './findings.js';
import type { SourceTexts } from './source-lines.js';

const SARIF_SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';

interface RuleMeta {
  readonly type?: string;
  readonly docs?: { readonly description?: string; readonly url?: string; readonly recommended?: boolean };
  readonly messages?: Record<string, string>;
}

export function toSarif(result: ScanResult, cwd: string, texts: SourceTexts): object {
  const ids = Object.keys(rules) as (keyof typeof rules)[];
  const descriptors = ids.map(id => {
    const ruleMeta = rules[id].meta as RuleMeta;
    const description = ruleMeta.docs?.description ?? id;
    return {
      id: `${meta.namespace}/${id}`,
      name: id,
      shortDescription: { text: description },
      fullDescription: { text: description },
      ...(ruleMeta.docs?.url ? { helpUri: ruleMeta.docs.url, help: { text: `${description}. See ${ruleMeta.docs.url}` } } : {}),
      defaultConfiguration: { level: 'error' },
      properties: {
        tags: ['aws', 'credentials', 'performance', ...(ruleMeta.type ? [ruleMeta.type] : [])],
        recommended: ruleMeta.docs?.recommended === true,
        precision: ruleMeta.docs?.recommended === true ? 'high' : 'medium',
        'problem.severity': 'error',
      },
    };
  });
  const index = new Map<string, number>(descriptors.map((descriptor, position) => [descriptor.name, position]));
  // Files outside the scanned folder are named by absolute file: URIs, the rest relative to it.
  const location = (file: string, region: Record<string, number>) => ({
    physicalLocation: { artifactLocation: isAbsolute(file) ? { uri: pathToFileURL(file).href } : { uri: encodeURI(file), uriBaseId: '%SRCROOT%' }, region },
  });
  const hashes = fingerprints(result.findings, texts);
  const results = result.findings.map((finding, position) => ({
    ruleId: `${meta.namespace}/${finding.rule}`,
    ...(index.has(finding.rule) ? { ruleIndex: index.get(finding.rule) } : {}),
    level: 'error',
    message: { text: finding.message },
    locations: [
      location(finding.file, {
        startLine: finding.line,
        startColumn: finding.column,
        ...(finding.endLine !== undefined ? { endLine: finding.endLine } : {}),
        ...(finding.endColumn !== undefined ? { endColumn: finding.endColumn } : {}),
      }),
    ],
    partialFingerprints: { [FINGERPRINT_KEY]: hashes[position]! },
  }));
  const notifications = result.errors.map(error => ({
    level: 'error',
    message: { text: error.message },
    locations: [location(error.file, { startLine: error.line ?? 1, startColumn: error.column ?? 1 })],
  }));
  return {
    $schema: SARIF_SCHEMA,
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'aws-credentials',
            fullName: `${meta.name} scan`,
            version: meta.version,
            semanticVersion: meta.version,
            informationUri: 'https://github.com/eslint-plugin-aws-credentials/eslint-plugin-aws-credentials',
            rules: descriptors,
          },
        },
        originalUriBaseIds: { '%SRCROOT%': { uri: pathToFileURL(cwd.endsWith('/') ? cwd : `${cwd}/`).href } },
        columnKind: 'utf16CodeUnits',
        invocations: [{ executionSuccessful: result.errors.length === 0, toolExecutionNotifications: notifications }],
        results,
      },
    ],
  };
}
