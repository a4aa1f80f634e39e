// A Stryker reporter that appends each mutant's result to a JSON-lines file as soon as it is known
// (the json and html reporters write only when the whole run ends), so a long run can be read, and
// a partial score computed, while it goes on: `node scripts/mutation-progress.mjs <file>`.
// The file: STRYKER_JSONL, else the config's `jsonlReporter.fileName`, else
// node_modules/.cache/stryker/mutants.jsonl. It is emptied when the run starts.
import { appendFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { PluginKind, commonTokens, declareClassPlugin } from '@stryker-mutator/api/plugin';

class JsonlReporter {
  static inject = [commonTokens.options];
  constructor(options) {
    this.file = process.env.STRYKER_JSONL ?? options.jsonlReporter?.fileName ?? 'node_modules/.cache/stryker/mutants.jsonl';
    mkdirSync(dirname(this.file), { recursive: true });
    writeFileSync(this.file, '');
  }
  onMutantTested(result) {
    const { id, fileName, mutatorName, replacement, location, status, statusReason, killedBy, coveredBy } = result;
    const row = { id, fileName, mutatorName, replacement, location, status, statusReason: status === 'Killed' ? undefined : statusReason, killedBy, covered: coveredBy?.length };
    appendFileSync(this.file, `${JSON.stringify(row)}\n`);
  }
}

export const strykerPlugins = [declareClassPlugin(PluginKind.Reporter, 'jsonl', JsonlReporter)];

/** Declares `jsonlReporter` to Stryker's option validation (no unknown-option warning). */
export const strykerValidationSchema = {
  $schema: 'http://json-schema.org/draft-07/schema',
  type: 'object',
  properties: { jsonlReporter: { type: 'object', properties: { fileName: { type: 'string' } }, additionalProperties: false } },
};
