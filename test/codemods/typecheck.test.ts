// Every TypeScript fixture output type-checks (real @aws-sdk/* types, the runtime from
// src/runtime via a `paths` mapping) whenever its input did: the rewrite adds no type error.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { fixtureCases, ROOT } from './fixture-cases.js';

const cases = fixtureCases().filter(fixture => /^(ts|tsx|mts)$/.test(fixture.extension) && !fixture.name.startsWith('unparsable'));

const options: ts.CompilerOptions = {
  noEmit: true,
  strict: false,
  target: ts.ScriptTarget.ES2022,
  module: ts.ModuleKind.NodeNext,
  moduleResolution: ts.ModuleResolutionKind.NodeNext,
  lib: ['lib.es2023.d.ts'],
  types: ['node'],
  jsx: ts.JsxEmit.Preserve,
  skipLibCheck: true,
  esModuleInterop: true,
  baseUrl: ROOT,
  paths: { 'eslint-plugin-aws-credentials/runtime': [join(ROOT, 'src/runtime/index.ts')] },
};

function format(diagnostic: ts.Diagnostic): string {
  const message = ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n');
  if (!diagnostic.file || diagnostic.start === undefined) return message;
  const { line, character } = diagnostic.file.getLineAndCharacterOfPosition(diagnostic.start);
  return `${diagnostic.file.fileName}:${line + 1}:${character + 1} TS${diagnostic.code} ${message}`;
}

describe('fixture outputs type-check', () => {
  const present = cases.filter(fixture => existsSync(fixture.output));
  const program = ts.createProgram({ rootNames: present.flatMap(fixture => [fixture.input, fixture.output]), options });
  const errorsOf = (file: string): string[] => {
    const source = program.getSourceFile(file)!;
    return [...program.getSyntacticDiagnostics(source), ...program.getSemanticDiagnostics(source)].map(format);
  };

  it('checks a meaningful number of outputs', () => {
    expect(present.length).toBeGreaterThanOrEqual(10);
    const clean = present.filter(fixture => errorsOf(fixture.input).length === 0);
    console.log(`type-checked ${clean.length} of ${present.length} TypeScript fixture outputs (the others' inputs have type errors)`);
    expect(clean.length).toBeGreaterThanOrEqual(8);
  });

  it.each(present.map(fixture => [fixture.id, fixture] as const))('%s: no new type errors', (_id, fixture) => {
    if (errorsOf(fixture.input).length > 0) return;
    expect(errorsOf(fixture.output)).toEqual([]);
  });
});
