// Files that do not parse: `fix` exits as `scan` does and lists them with `"unparsable": true`;
// one that imports nothing of AWS is no error of ours at all (it cannot hold a finding), only
// named under `skipped`.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { git, gitRepo } from './helpers.js';
import { cli } from './run-cli.js';
import { BROKEN, CLEAN, HANDLER } from './sample-app.js';

/** A draft with a syntax error that imports nothing of AWS (but a project module, so fix parses it). */
const FLOW = "import { format } from './format';\n\nexport const label = value => format(value;\n";
const PACKAGE = '{\n  "name": "app",\n  "type": "module",\n  "dependencies": {\n    "@aws-sdk/client-s3": "^3.0.0",\n    "eslint-plugin-aws-credentials": "^0.1.0"\n  }\n}\n';
const BROKEN_ERROR = { file: 'src/broken.ts', line: 4, unparsable: true };
const FLOW_SKIPPED = { file: 'lib/label.js', reason: 'unparsable-without-aws-import' };

describe('unparsable files', () => {
  it('fix exits 2 like scan when a file with an AWS import cannot be parsed, and lists it as unparsable', async () => {
    const root = gitRepo({ 'package.json': PACKAGE, 'src/broken.ts': BROKEN, 'src/clean.ts': CLEAN });
    const scan = await cli(root, 'scan', '--json');
    const fix = await cli(root, 'fix', '--json');
    expect([scan.code, fix.code]).toEqual([2, 2]);
    expect(JSON.parse(scan.stdout).errors).toEqual([expect.objectContaining(BROKEN_ERROR)]);
    expect(JSON.parse(fix.stdout).errors).toEqual([{ ...BROKEN_ERROR, column: 49, message: "cannot parse: ')' expected." }]);
    expect((await cli(root, 'fix')).stdout).toBe(`Files scanned: 2
Findings: 0
Files rewritten: 0
Sites rewritten: 0

Skipped, not written (1):
  src/broken.ts:4:49 - cannot parse: ')' expected.
`);
    expect(git(root, 'status', '--porcelain')).toBe('');
  });

  it('a file with no AWS import that cannot be parsed is skipped, not an error, by scan and fix alike', async () => {
    const root = gitRepo({ 'package.json': PACKAGE, 'src/handler.ts': HANDLER, 'lib/label.js': FLOW, 'lib/format.js': 'export const format = String;\n' });
    const scan = await cli(root, 'scan', '--json');
    expect(scan.code).toBe(1);
    expect(JSON.parse(scan.stdout)).toMatchObject({ errors: [], skipped: [FLOW_SKIPPED] });
    const first = await cli(root, 'fix', '--json');
    expect(first.code).toBe(0);
    expect(JSON.parse(first.stdout)).toMatchObject({ errors: [], skipped: [FLOW_SKIPPED], filesRewritten: ['src/handler.ts'] });
    expect(readFileSync(join(root, 'lib/label.js'), 'utf8')).toBe(FLOW);
    git(root, 'add', '-A');
    git(root, 'commit', '-q', '-m', 'fixed');
    const second = await cli(root, 'fix');
    expect(second.code).toBe(0);
    expect(second.stdout).toBe(`Files scanned: 3
Skipped 1 file that is not source: 1 unparsable, with no AWS import (--json names them).
Findings: 0
Files rewritten: 0
Sites rewritten: 0
`);
    expect(git(root, 'status', '--porcelain')).toBe('');
    expect((await cli(root, 'scan')).stdout).toBe('No findings in 3 files.\nSkipped 1 file that is not source: 1 unparsable, with no AWS import (--json names them).\n');
  });
});
