// Every codemod fixture: exact output, idempotent (a second run returns the input string
// unchanged), output re-parses, and unchanged cases say why through api.report.
// UPDATE_FIXTURES=1 writes missing .output files from the current transform (review them!).
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createRequire } from 'node:module';
import type { API, FileInfo } from 'jscodeshift';
import { describe, expect, it } from 'vitest';
import { TRANSFORM_NAMES } from '../../src/rewrite/transforms.js';
import type { Transform } from '../../codemods/shared/make-transform.js';
import { parseProblem } from '../../src/cli/reparse.js';
import { expectsUnchanged, fixtureCases, type FixtureCase } from './fixture-cases.js';

import all from '../../codemods/all/transform.js';
import credentialProviders from '../../codemods/credential-providers/transform.js';
import frozenCredentials from '../../codemods/frozen-credentials/transform.js';
import sdkClients from '../../codemods/sdk-clients/transform.js';
import stsCalls from '../../codemods/sts-calls/transform.js';

const transforms: Record<string, Transform> = {
  all,
  'credential-providers': credentialProviders,
  'frozen-credentials': frozenCredentials,
  'sdk-clients': sdkClients,
  'sts-calls': stsCalls,
};
async function transformFor(name: string): Promise<Transform> {
  const transform = transforms[name];
  if (!transform) throw new Error(`no transform ${name}`);
  return transform;
}

// The fixtures' project: what this repository depends on (fixes may add imports of these).
const manifest = JSON.parse(readFileSync(join(__dirname, '..', '..', 'package.json'), 'utf8')) as Record<string, Record<string, string>>;
const AVAILABLE = Object.keys({ ...manifest.dependencies, ...manifest.devDependencies }).join(',');

function run(transform: Transform, path: string, source: string): { output: string; reports: string[] } {
  const reports: string[] = [];
  const api = { report: (message: string) => reports.push(message), stats: () => {} } as unknown as API;
  const output = transform({ path, source } satisfies FileInfo, api, { availableModules: AVAILABLE });
  return { output, reports };
}

const cases = fixtureCases();

describe('codemod fixtures', () => {
  it('has fixtures for every transform, in several categories', () => {
    for (const name of TRANSFORM_NAMES) expect(cases.filter(fixture => fixture.transform === name).length, name).toBeGreaterThan(0);
    expect(cases.length).toBeGreaterThanOrEqual(30);
  });

  describe.each(cases.map(fixture => [fixture.id, fixture] as [string, FixtureCase]))('%s', (_id, fixture) => {
    it('produces the expected output, idempotently, and it parses', async () => {
      const transform = await transformFor(fixture.transform);
      const source = readFileSync(fixture.input, 'utf8');
      const { output, reports } = run(transform, fixture.input, source);
      if (!existsSync(fixture.output)) {
        if (process.env.UPDATE_FIXTURES) writeFileSync(fixture.output, output);
        else throw new Error(`missing ${fixture.output} (run with UPDATE_FIXTURES=1 and review it)`);
      }
      const expected = readFileSync(fixture.output, 'utf8');
      expect(output).toBe(expected);
      if (expectsUnchanged(fixture)) {
        expect(output).toBe(source);
        if (!fixture.name.startsWith('nothing-to-do') && !fixture.name.startsWith('local-')) {
          expect(reports.length, 'a note for manual review').toBeGreaterThan(0);
          for (const report of reports) expect(report).toMatch(/^.+:\d+:\d+ - \S/);
        }
      } else {
        expect(output).not.toBe(source);
      }
      if (!fixture.name.startsWith('unparsable')) expect(parseProblem(fixture.output, output)).toBeUndefined();

      const second = run(transform, fixture.input, output);
      expect(second.output).toBe(output);
    });
  });

  it('reports an unparsable file with file:line:col and returns it unchanged', async () => {
    const transform = await transformFor('all');
    // Files that mention no AWS module are not even parsed (nothing to find): this one does.
    const source = "import { fromIni } from '@aws-sdk/credential-providers';\nexport const a = (;\n";
    const { output, reports } = run(transform, 'broken.ts', source);
    expect(output).toBe(source);
    expect(reports).toHaveLength(1);
    expect(reports[0]).toMatch(/^broken\.ts:2:\d+ - skipped: /);
  });

  it("loads through jscodeshift's test utilities (parser tsx and ts)", async () => {
    const require = createRequire(__filename);
    const { applyTransform } = require('jscodeshift/dist/testUtils') as {
      applyTransform: (module: unknown, options: object, input: FileInfo, testOptions?: { parser: string }) => string;
    };
    const fixture = cases.find(candidate => candidate.id.endsWith('credential-providers/__fixtures__/import-styles/named'))!;
    const module = { default: credentialProviders };
    const source = readFileSync(fixture.input, 'utf8');
    for (const parser of ['tsx', 'ts']) {
      const output = applyTransform(module, { availableModules: AVAILABLE }, { path: fixture.input, source }, { parser });
      // applyTransform trims; the exact bytes are checked above.
      expect(output).toBe(readFileSync(fixture.output, 'utf8').trim());
    }
  });
});
