// A jscodeshift transform over the shared rewrite. jscodeshift's own AST is never used: the
// analysis' text edits keep formatting, comments, quotes and ESM/CJS style as they were.
import type { API, FileInfo, Options } from 'jscodeshift';
import { formatLocation } from '../../src/rewrite/location.js';
import { projectModules } from '../../src/rewrite/project-modules.js';
import { rewriteSource } from '../../src/rewrite/rewrite-source.js';
import { TRANSFORM_RULES, type TransformName } from '../../src/rewrite/transforms.js';

export type Transform = (file: FileInfo, api: API, options: Options) => string;

/** `--memoizers=memoize,pMemoize` on jscodeshift's command line, or an array from code. */
function listOption(value: unknown): string[] {
  if (Array.isArray(value)) return value.map(String);
  if (typeof value === 'string') return value.split(',').map(item => item.trim()).filter(Boolean);
  return [];
}

/**
 * The transform for one folder of codemods/. Options (jscodeshift passes unknown flags through):
 * `--runtimeModule=<specifier>` (default `eslint-plugin-aws-credentials/runtime`),
 * `--memoizers=a,b`, `--availableModules=a,b` (default: the dependencies in the file's nearest
 * package.json; fixes add imports only of those).
 */
export function makeTransform(name: TransformName): Transform {
  const rules = TRANSFORM_RULES[name];
  return function transform(file: FileInfo, api: API, options: Options): string {
    const report = typeof api?.report === 'function' ? api.report : () => {};
    const runtimeModule = typeof options?.runtimeModule === 'string' ? options.runtimeModule : undefined;
    const available = options?.availableModules !== undefined ? listOption(options.availableModules) : projectModules(file.path);
    const result = rewriteSource(file.source, file.path, {
      rules,
      ...(runtimeModule ? { runtimeModule } : {}),
      memoizers: listOption(options?.memoizers),
      ...(available ? { availableModules: available } : {}),
    });
    if (result.error) {
      const { line = 1, column = 1, message } = result.error;
      report(`${formatLocation(file.path, { line, column })} - skipped: ${message}`);
      return file.source;
    }
    for (const note of result.manual) {
      report(`${formatLocation(file.path, note)} - ${note.rule}: ${note.name ? `${note.name}: ` : ''}${note.detail}`);
    }
    if (typeof api?.stats === 'function' && result.rewritten.length > 0) api.stats('sites rewritten', result.rewritten.length);
    return result.changed ? result.text : file.source;
  };
}
