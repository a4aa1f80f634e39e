// Type errors a rewrite adds, by ts-morph diagnostics under the project's tsconfig: the changed
// files are checked before and after (in memory); a diagnostic present after but not before
// (same code and message, positions ignored since lines move) is new.
import { Project, ts } from 'ts-morph';

export interface TypeProblem {
  readonly file: string;
  readonly line?: number;
  readonly column?: number;
  readonly message: string;
}

function diagnosticsOf(project: Project, files: ReadonlyMap<string, string>): Map<string, { key: string; problem: TypeProblem }[]> {
  for (const [file, text] of files) project.createSourceFile(file, text, { overwrite: true });
  const out = new Map<string, { key: string; problem: TypeProblem }[]>();
  for (const file of files.keys()) {
    const source = project.getSourceFileOrThrow(file);
    const list = source.getPreEmitDiagnostics().filter(diagnostic => diagnostic.getCategory() === ts.DiagnosticCategory.Error);
    out.set(
      file,
      list.map(diagnostic => {
        const message = ts.flattenDiagnosticMessageText(diagnostic.getMessageText() as string | ts.DiagnosticMessageChain, '\n');
        const start = diagnostic.getStart();
        const position = start === undefined ? undefined : source.getLineAndColumnAtPos(start);
        return {
          key: `${diagnostic.getCode()}:${message}`,
          problem: { file, message: `TS${diagnostic.getCode()}: ${message}`, ...(position ? { line: position.line, column: position.column } : {}) },
        };
      }),
    );
  }
  return out;
}

/** Unresolved-module codes: for a module the fix adds a dependency on, installing resolves them. */
const UNRESOLVED = new Set([2307, 2792, 7016]);

export function newTypeErrors(
  tsconfig: string,
  before: ReadonlyMap<string, string>,
  after: ReadonlyMap<string, string>,
  installedLater: readonly string[] = [],
): TypeProblem[] {
  const options = { tsConfigFilePath: tsconfig, skipAddingFilesFromTsConfig: true, skipFileDependencyResolution: false } as const;
  const old = diagnosticsOf(new Project(options), before);
  const next = diagnosticsOf(new Project(options), after);
  const problems: TypeProblem[] = [];
  // A new file (the shared module) is compared with every old file: an import that already
  // failed to resolve there (a runtime not installed yet) is not new.
  const everywhere = [...old.values()].flat().map(entry => entry.key);
  for (const [file, list] of next) {
    const remaining = old.has(file) ? old.get(file)!.map(entry => entry.key) : [...everywhere];
    for (const entry of list) {
      const index = remaining.indexOf(entry.key);
      if (index !== -1) remaining.splice(index, 1);
      else if (!(UNRESOLVED.has(Number(entry.key.split(':')[0])) && installedLater.some(module => entry.key.includes(`'${module}'`)))) problems.push(entry.problem);
    }
  }
  return problems;
}
