// A Stryker reporter that appends each mutant's result to a JSON-lines file as soon as it is known
// (the json and html reporters write only when the whole run ends), so a long run can be read, and
// a partial score computed, while it goes on. Use: `plugins: [..., './scripts/stryker-jsonl-reporter.mjs']`
// and `reporters: [..., 'jsonl']`; the file is STRYKER_JSONL or node_modules/.cache/stryker/mutants.jsonl.
import { appendFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { PluginKind, declareClassPlugin } from '@stryker-mutator/api/plugin';

class JsonlReporter {
  file = process.env.STRYKER_JSONL ?? 'node_modules/.cache/stryker/mutants.jsonl';
  constructor() {
    mkdirSync(dirname(this.file), { recursive: true });
    writeFileSync(this.file, '');
  }
  onMutantTested(result) {
    const { id, fileName, mutatorName, replacement, location, status, statusReason, killedBy, coveredBy } = result;
    appendFileSync(this.file, `${JSON.stringify({ id, fileName, mutatorName, replacement, location, status, statusReason: status === 'Killed' ? undefined : statusReason, killedBy, covered: coveredBy?.length })}\n`);
  }
}
JsonlReporter.inject = [];

export const strykerPlugins = [declareClassPlugin(PluginKind.Reporter, 'jsonl', JsonlReporter)];
