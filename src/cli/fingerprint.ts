// SARIF `partialFingerprints` for code scanning: a hash of the rule, the file, the finding's
// source line with whitespace normalised, and which occurrence of that line it is. Line numbers
// are left out on purpose, so a finding keeps its identity when lines above it move.
import { createHash } from 'node:crypto';
import type { Finding } from './findings.js';
import type { SourceTexts } from './source-lines.js';

export const FINGERPRINT_KEY = 'awsCredentials/findingHash/v1';

function normalizeLine(line: string): string {
  return line.trim().replace(/\s+/g, ' ');
}

/** One fingerprint per finding, in the same order. */
export function fingerprints(findings: readonly Finding[], texts: SourceTexts): string[] {
  const seen = new Map<string, number>();
  return findings.map(finding => {
    const identity = [finding.rule, finding.file, normalizeLine(texts.line(finding.file, finding.line))].join('\u0000');
    const occurrence = seen.get(identity) ?? 0;
    seen.set(identity, occurrence + 1);
    return createHash('sha256').update(`${identity}\u0000${occurrence}`).digest('hex');
  });
}
