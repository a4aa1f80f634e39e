// reviewdog's diagnostic format (rdjson, `reviewdog -f=rdjson`): one diagnostic per finding,
// with the rule's ESLint suggestion as a suggested change reviewdog can post for one click.
// rdjson columns count UTF-8 bytes and range ends are exclusive.
import { meta, rules } from '../index.js';
import type { Finding, ScanResult } from './findings.js';
import { lineColumnAt, utf8Column, type SourceTexts } from './source-lines.js';

interface RdPosition {
  readonly line: number;
  readonly column: number;
}

function position(texts: SourceTexts, file: string, line: number, column: number): RdPosition {
  return { line, column: utf8Column(texts.line(file, line), column) };
}

function docsUrl(rule: string): string | undefined {
  return (rules as Record<string, { meta?: { docs?: { url?: string } } }>)[rule]?.meta?.docs?.url;
}

function suggestionsOf(finding: Finding, texts: SourceTexts): object[] {
  const text = texts.text(finding.file);
  if (text === undefined || !finding.suggestions) return [];
  return finding.suggestions.map(suggestion => {
    const start = lineColumnAt(text, suggestion.range[0]);
    const end = lineColumnAt(text, suggestion.range[1]);
    return {
      range: { start: position(texts, finding.file, start.line, start.column), end: position(texts, finding.file, end.line, end.column) },
      text: suggestion.text,
    };
  });
}

export function toRdjson(result: ScanResult, texts: SourceTexts): object {
  const diagnostics = result.findings.map(finding => {
    const url = docsUrl(finding.rule);
    const suggestions = suggestionsOf(finding, texts);
    return {
      message: finding.message,
      location: {
        path: finding.file,
        range: {
          start: position(texts, finding.file, finding.line, finding.column),
          ...(finding.endLine !== undefined && finding.endColumn !== undefined ? { end: position(texts, finding.file, finding.endLine, finding.endColumn) } : {}),
        },
      },
      severity: 'ERROR',
      code: { value: `${meta.namespace}/${finding.rule}`, ...(url ? { url } : {}) },
      ...(suggestions.length > 0 ? { suggestions } : {}),
    };
  });
  const parseErrors = result.errors.map(error => ({
    message: `cannot parse: ${error.message}`,
    location: { path: error.file, range: { start: position(texts, error.file, error.line ?? 1, error.column ?? 1) } },
    severity: 'ERROR',
    code: { value: 'parse-error' },
  }));
  return {
    source: { name: 'aws-credentials', url: `https://www.npmjs.com/package/${meta.name}` },
    severity: 'ERROR',
    diagnostics: [...parseErrors, ...diagnostics],
  };
}
