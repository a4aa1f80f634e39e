// Pull-request checks: `scan --changed-since` reports only what a change touched; rdjson and
// SARIF output validate against the published schemas (stored in test/fixtures/schemas); SARIF
// fingerprints survive lines moving.
import { readFileSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import ajvDraft04 from 'ajv-draft-04';
import ajvFormats from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import { addedLines } from '../../src/cli/changed-lines.js';
import { git, gitRepo, tempDir, writeTree } from './helpers.js';
import { cli } from './run-cli.js';
import { HANDLER, sampleApp } from './sample-app.js';

const SCHEMAS = join(__dirname, '..', 'fixtures', 'schemas');

function validator(file: string) {
  // CommonJS packages: their ESM default import is module.exports, which holds `default`.
  const ajv = new ajvDraft04.default({ allErrors: true, strict: false });
  ajvFormats.default(ajv);
  return ajv.compile(JSON.parse(readFileSync(join(SCHEMAS, file), 'utf8')));
}

const PROVIDER_LINE = "  const credentials = fromIni({ profile: 'legacy' });\n";
const legacy = `import { fromIni } from '@aws-sdk/credential-providers';

export const legacyHandler = async () => {
${PROVIDER_LINE}  return credentials();
};
`;

describe('scan --changed-since', () => {
  it('reports only findings on lines added since the merge base (commits, work tree, untracked)', async () => {
    const root = gitRepo({ 'package.json': '{ "name": "app", "type": "module" }\n', 'src/legacy.ts': legacy });
    git(root, 'branch', '-M', 'main');
    git(root, 'checkout', '-q', '-b', 'feature');
    // A committed new finding in the legacy file, an uncommitted one, an untracked file.
    writeTree(root, { 'src/legacy.ts': `${legacy}\nexport const addedHandler = async () => {\n  const c = fromIni({ profile: 'new' });\n  return c();\n};\n` });
    git(root, 'commit', '-qam', 'new handler');
    writeTree(root, { 'src/handler.ts': HANDLER });
    const before = await cli(root, 'scan', '--json');
    expect(JSON.parse(before.stdout).findings.map((finding: { file: string; line: number }) => `${finding.file}:${finding.line}`)).toEqual(
      expect.arrayContaining(['src/legacy.ts:4', 'src/legacy.ts:9']),
    );
    const { code, stdout } = await cli(root, 'scan', '--json', '--changed-since', 'main');
    expect(code).toBe(1);
    const reported = JSON.parse(stdout).findings.map((finding: { file: string; line: number }) => `${finding.file}:${finding.line}`);
    expect(reported).toContain('src/legacy.ts:9');
    expect(reported.some((where: string) => where.startsWith('src/handler.ts:'))).toBe(true);
    expect(reported).not.toContain('src/legacy.ts:4');
  });

  it('exits 0 when the change adds no finding, and 2 for an unknown ref', async () => {
    const root = gitRepo({ 'src/legacy.ts': legacy });
    writeTree(root, { 'src/legacy.ts': `// a comment\n${legacy}` });
    const clean = await cli(root, 'scan', '--changed-since', 'HEAD');
    expect(clean.stdout).toBe('No findings in 1 file.\n');
    expect(clean.code).toBe(0);
    const unknown = await cli(root, 'scan', '--changed-since', 'no-such-branch');
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('--changed-since no-such-branch');
  });

  it('works from a subfolder reached through a symlink', async () => {
    const root = gitRepo({ 'app/src/legacy.ts': legacy });
    writeTree(root, { 'app/src/new.ts': legacy });
    const link = join(tempDir(), 'link');
    symlinkSync(root, link);
    const { stdout } = await cli(join(link, 'app'), 'scan', '--json', '--changed-since', 'HEAD');
    expect(JSON.parse(stdout).findings.map((finding: { file: string }) => finding.file)).toEqual(['src/new.ts']);
  });

  it('reads the added lines of a zero-context diff', () => {
    const diff = ['diff --git a/x.ts b/x.ts', '--- a/x.ts', '+++ b/x.ts', '@@ -3,0 +4,2 @@', '+a', '+b', '@@ -9 +11 @@', '-c', '+d', '@@ -20,2 +22,0 @@', '--- a/gone.ts', '+++ /dev/null', '@@ -1 +0,0 @@'].join('\n');
    expect([...addedLines(diff)].map(([file, lines]) => [file, [...lines]])).toEqual([['x.ts', [4, 5, 11]]]);
  });
});

describe('scan --format rdjson', () => {
  it("validates against reviewdog's DiagnosticResult schema, with suggestions and UTF-8 columns", async () => {
    const root = gitRepo({ ...sampleApp(), 'src/unicode.ts': `const label = '𐐀';\n${legacy}` });
    const { code, stdout } = await cli(root, 'scan', '--format', 'rdjson');
    expect(code).toBe(1);
    const rdjson = JSON.parse(stdout);
    const validate = validator('reviewdog/DiagnosticResult.json');
    expect(validate(rdjson), JSON.stringify(validate.errors)).toBe(true);
    expect(validate({ diagnostics: [{ location: { range: { start: { line: 'one' } } } }] })).toBe(false); // the schema bites
    expect(rdjson.source.name).toBe('aws-credentials');
    expect(rdjson.diagnostics.length).toBeGreaterThan(0);
    for (const diagnostic of rdjson.diagnostics) {
      expect(diagnostic.severity).toBe('ERROR');
      expect(diagnostic.code.value).toMatch(/^aws-credentials\//);
      expect(diagnostic.code.url).toMatch(/^https:\/\/.+\/docs\/rules\/.+\.md$/);
      expect(diagnostic.location.range.start.line).toBeGreaterThan(0);
    }
    const withSuggestion = rdjson.diagnostics.filter((diagnostic: { suggestions?: unknown[] }) => diagnostic.suggestions);
    expect(withSuggestion.length).toBeGreaterThan(0);
    for (const { suggestions } of withSuggestion) {
      for (const suggestion of suggestions) {
        expect(typeof suggestion.text).toBe('string');
        expect(suggestion.range.start.line).toBeGreaterThan(0);
        expect(suggestion.range.end.line).toBeGreaterThanOrEqual(suggestion.range.start.line);
      }
    }
    // `fromIni(` on line 5 of unicode.ts: same column in UTF-16 and UTF-8 (the astral char is on line 1).
    const unicode = rdjson.diagnostics.find((diagnostic: { location: { path: string } }) => diagnostic.location.path === 'src/unicode.ts');
    expect(unicode.location.range.start).toEqual({ line: 5, column: 23 });
  });
});

describe('scan --format sarif', () => {
  it('validates against the SARIF 2.1.0 schema', async () => {
    const root = gitRepo(sampleApp());
    const { stdout } = await cli(root, 'scan', '--format', 'sarif');
    const validate = validator('sarif/sarif-schema-2.1.0.json');
    const sarif = JSON.parse(stdout);
    expect(validate(sarif), JSON.stringify(validate.errors)).toBe(true);
    expect(validate({ ...sarif, version: '2.0.0' })).toBe(false); // the schema bites
    for (const result of sarif.runs[0].results) expect(Object.values(result.partialFingerprints)[0]).toMatch(/^[0-9a-f]{64}$/);
  });

  it('keeps partialFingerprints when lines move, and tells identical lines apart', async () => {
    const twice = `${legacy}\nexport const againHandler = async () => {\n${PROVIDER_LINE}  return credentials();\n};\n`;
    const root = gitRepo({ 'src/legacy.ts': twice });
    const fingerprintsOf = async () =>
      JSON.parse((await cli(root, 'scan', '--format', 'sarif')).stdout).runs[0].results.map((result: { partialFingerprints: Record<string, string>; locations: { physicalLocation: { region: { startLine: number } } }[] }) => ({
        line: result.locations[0]!.physicalLocation.region.startLine,
        hash: Object.values(result.partialFingerprints)[0],
      }));
    const first = await fingerprintsOf();
    expect(first).toHaveLength(2);
    expect(first[0].hash).not.toBe(first[1].hash);
    writeTree(root, { 'src/legacy.ts': `// moved down\n\n${twice}` });
    const moved = await fingerprintsOf();
    expect(moved.map((entry: { line: number }) => entry.line)).toEqual(first.map((entry: { line: number }) => entry.line + 2));
    expect(moved.map((entry: { hash: string }) => entry.hash)).toEqual(first.map((entry: { hash: string }) => entry.hash));
  });
});
