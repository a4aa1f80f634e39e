// The shared module's text: a marker comment, the imports, one exported instance per provider,
// in the package's quote and semicolon style. An existing shared module (from an earlier run) is
// extended, never rewritten.
import { DEFAULT_STYLE, type CodeStyle } from './code-style.js';

export const SHARED_MARKER = 'Shared AWS credential providers, created once per process';

export interface SharedExport {
  readonly name: string;
  readonly init: string;
  /** Comments that stood above the hoisted declaration in the first file. */
  readonly comments: string;
}

export interface SharedImport {
  readonly specifier: string;
  readonly imported: string;
  readonly local: string;
}

function importLines(imports: readonly SharedImport[], format: 'ts' | 'esm' | 'cjs', style: CodeStyle): string[] {
  const end = style.semicolon ? ';' : '';
  const bySpecifier = new Map<string, SharedImport[]>();
  for (const entry of imports) bySpecifier.set(entry.specifier, [...(bySpecifier.get(entry.specifier) ?? []), entry]);
  const lines: string[] = [];
  for (const [specifier, entries] of [...bySpecifier].sort(([a], [b]) => a.localeCompare(b))) {
    const quoted = `${style.quote}${specifier}${style.quote}`;
    const whole = entries.filter(entry => entry.imported === '*' || entry.imported === 'default');
    const named = entries.filter(entry => entry.imported !== '*' && entry.imported !== 'default');
    for (const entry of whole) {
      if (format === 'cjs') lines.push(`const ${entry.local} = require(${quoted})${entry.imported === 'default' ? '.default' : ''}${end}`);
      else lines.push(entry.imported === '*' ? `import * as ${entry.local} from ${quoted}${end}` : `import ${entry.local} from ${quoted}${end}`);
    }
    if (named.length > 0) {
      const parts = named.map(entry =>
        entry.imported === entry.local ? entry.local : format === 'cjs' ? `${entry.imported}: ${entry.local}` : `${entry.imported} as ${entry.local}`,
      );
      lines.push(format === 'cjs' ? `const { ${parts.join(', ')} } = require(${quoted})${end}` : `import { ${parts.join(', ')} } from ${quoted}${end}`);
    }
  }
  return lines;
}

function exportBlock(entry: SharedExport, format: 'ts' | 'esm' | 'cjs', style: CodeStyle): string {
  const comment = entry.comments ? `${entry.comments}\n` : '';
  const end = style.semicolon ? ';' : '';
  return format === 'cjs'
    ? `${comment}const ${entry.name} = ${entry.init}${end}\nexports.${entry.name} = ${entry.name}${end}`
    : `${comment}export const ${entry.name} = ${entry.init}${end}`;
}

export function renderSharedModule(
  existing: string | undefined,
  format: 'ts' | 'esm' | 'cjs',
  imports: readonly SharedImport[],
  exports: readonly SharedExport[],
  style: CodeStyle = DEFAULT_STYLE,
): string {
  const newImports = importLines(imports, format, style);
  const blocks = exports.map(entry => exportBlock(entry, format, style));
  if (existing === undefined) {
    const header = [
      `// ${SHARED_MARKER}, written by \`aws-credentials fix\`.`,
      '// Each export is one auto-refreshing credential cache that every importing file shares.',
      ...(format === 'cjs' ? [`${style.quote}use strict${style.quote}${style.semicolon ? ';' : ''}`] : []),
    ];
    return `${header.join('\n')}\n\n${newImports.join('\n')}\n\n${blocks.join('\n\n')}\n`;
  }
  let text = existing;
  if (newImports.length > 0) {
    const lines = text.split('\n');
    let last = -1;
    lines.forEach((line, index) => {
      if (/^(import\s|const\s.*=\s*require\()/.test(line)) last = index;
    });
    lines.splice(last + 1, 0, ...newImports);
    text = lines.join('\n');
  }
  if (blocks.length > 0) text = `${text.replace(/\s*$/, '')}\n\n${blocks.join('\n\n')}\n`;
  return text;
}
