// The package's real runtime compiled to a temp folder (ESM + .d.ts), so the vendoring specs do
// not depend on a fresh `npm run build`.
import { join } from 'node:path';
import ts from 'typescript';
import { tempDir } from './helpers.js';

let compiled: string | undefined;

export function compiledRuntime(): string {
  if (compiled) return compiled;
  const out = tempDir('aws-credentials-real-runtime-');
  const program = ts.createProgram([join(__dirname, '..', '..', 'src', 'runtime', 'index.ts')], {
    outDir: out,
    rootDir: join(__dirname, '..', '..', 'src', 'runtime'),
    module: ts.ModuleKind.NodeNext,
    moduleResolution: ts.ModuleResolutionKind.NodeNext,
    target: ts.ScriptTarget.ES2022,
    declaration: true,
    skipLibCheck: true,
    types: ['node'],
    strict: true,
  });
  const result = program.emit();
  // Type errors are the runtime's own specs' business; only a failed emit stops these.
  const errors = result.diagnostics.filter(d => d.category === ts.DiagnosticCategory.Error);
  if (result.emitSkipped || errors.length > 0) throw new Error(ts.formatDiagnostics(errors, { getCanonicalFileName: f => f, getCurrentDirectory: () => out, getNewLine: () => '\n' }));
  return (compiled = out);
}
