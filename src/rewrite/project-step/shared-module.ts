// The shared module's text: a marker comment, the imports, one exported instance per provider.
// An existing shared module (from an earlier run) is extended, never rewritten.
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

function importLines(imports: readonly SharedImport[], format: 'ts' | 'esm' | 'cjs'): string[] {
  const bySpecifier = new Map<string, SharedImport[]>();
  for (const entry of imports) bySpecifier.set(entry.specifier, [...(bySpecifier.get(entry.specifier) ?? []), entry]);
  const lines: string[] = [];
  for (const [specifier, entries] of [...bySpecifier].sort(([a], [b]) => a.localeCompare(b))) {
    const quoted = `'${specifier}'`;
    const whole = entries.filter(entry => entry.imported === '*' || entry.imported === 'default');
    const named = entries.filter(entry => entry.imported !== '*' && entry.imported !== 'default');
    for (const entry of whole) {
      if (format === 'cjs') lines.push(`const ${entry.local} = require(${quoted})${entry.imported === 'default' ? '.default' : ''};`);
      else lines.push(entry.imported === '*' ? `import * as ${entry.local} from ${quoted};` : `import ${entry.local} from ${quoted};`);
    }
    if (named.length > 0) {
      const parts = named.map(entry =>
        entry.imported === entry.local ? entry.local : format === 'cjs' ? `${entry.imported}: ${entry.local}` : `${entry.imported} as ${entry.local}`,
      );
      lines.push(format === 'cjs' ? `const { ${parts.join(', ')} } = require(${quoted});` : `import { ${parts.join(', ')} } from ${quoted};`);
    }
  }
  return lines;
}

function exportBlock(entry: SharedExport, format: 'ts' | 'esm' | 'cjs'): string {
  const comment = entry.comments ? `${entry.comments}\n` : '';
  return format === 'cjs'
    ? `${comment}const ${entry.name} = ${entry.init};\nexports.${entry.name} = ${entry.name};`
    : `${comment}export const ${entry.name} = ${entry.init};`;
}

export function renderSharedModule(
  existing: string | undefined,
  format: 'ts' | 'esm' | 'cjs',
  imports: readonly SharedImport[],
  exports: readonly SharedExport[],
): string {
  const newImports = importLines(imports, format);
  const blocks = exports.map(entry => exportBlock(entry, format));
  if (existing === undefined) {
    const header = [
      `// ${SHARED_MARKER}, written by \`aws-credentials fix\`.`,
      '// Each export is one auto-refreshing credential cache that every importing file shares.',
      ...(format === 'cjs' ? ["'use strict';"] : []),
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
