// `aws-credentials scan` in a repository with no ESLint config: text, JSON and SARIF output,
// .gitignore respected, exit codes.
import { describe, expect, it } from 'vitest';
import { gitRepo, tempDir, writeTree } from './helpers.js';
import { cli } from './run-cli.js';
import { BROKEN, CLEAN, sampleApp } from './sample-app.js';

describe('aws-credentials scan', () => {
  it('reports findings as file:line:col rule message, skipping ignored and build files (exit 1)', async () => {
    const root = gitRepo(sampleApp());
    const { code, stdout, stderr } = await cli(root, 'scan', '--config', 'strict');
    expect(stderr).toBe('');
    expect(code).toBe(1);
    expect(stdout).toMatch(/^src\/handler\.ts:\d+:\d+ no-per-request-credential-provider \S/m);
    expect(stdout).toMatch(/^src\/upload\.jsx:\d+:\d+ no-per-request-client \S/m);
    expect(stdout).not.toContain('ignored/');
    expect(stdout).not.toContain('dist/');
    expect(stdout).not.toContain('src/clean.ts');
    expect(stdout).toMatch(/\d+ findings? in \d+ of 4 files/);
  });

  it('exits 0 on a clean tree, also outside git', async () => {
    const root = tempDir();
    writeTree(root, { 'a.ts': CLEAN, 'node_modules/x/a.ts': sampleApp()['src/handler.ts']! });
    const { code, stdout } = await cli(root, 'scan');
    expect(code).toBe(0);
    expect(stdout).toBe('No findings in 1 file.\n');
  });

  it('prints JSON', async () => {
    const root = gitRepo(sampleApp());
    const { code, stdout } = await cli(root, 'scan', '--json');
    expect(code).toBe(1);
    const json = JSON.parse(stdout);
    expect(json.filesScanned).toBe(4);
    expect(json.findings.length).toBeGreaterThan(0);
    for (const finding of json.findings) {
      expect(finding).toMatchObject({ file: expect.stringMatching(/^src\//), line: expect.any(Number), column: expect.any(Number), rule: expect.any(String), message: expect.any(String) });
    }
    expect(json.countsByRule['no-per-request-credential-provider']).toBeGreaterThan(0);
  });

  it('prints valid SARIF 2.1.0 with rule metadata and help links', async () => {
    const root = gitRepo(sampleApp());
    const { code, stdout } = await cli(root, 'scan', '--format', 'sarif');
    expect(code).toBe(1);
    const sarif = JSON.parse(stdout);
    expect(sarif.version).toBe('2.1.0');
    expect(sarif.$schema).toMatch(/sarif-2\.1\.0/);
    const [run] = sarif.runs;
    const rules = run.tool.driver.rules;
    expect(rules.map((rule: { id: string }) => rule.id).sort()).toEqual([
      'aws-credentials/no-frozen-credentials',
      'aws-credentials/no-per-request-client',
      'aws-credentials/no-per-request-credential-provider',
      'aws-credentials/no-per-request-sts-call',
    ]);
    for (const rule of rules) {
      expect(rule.helpUri).toMatch(/^https:\/\/.+\/docs\/rules\/.+\.md$/);
      expect(rule.shortDescription.text.length).toBeGreaterThan(10);
    }
    expect(run.results.length).toBeGreaterThan(0);
    for (const result of run.results) {
      expect(rules[result.ruleIndex].id).toBe(result.ruleId);
      expect(result.level).toBe('error');
      const location = result.locations[0].physicalLocation;
      expect(location.artifactLocation.uriBaseId).toBe('%SRCROOT%');
      expect(location.artifactLocation.uri).toMatch(/^src\//);
      expect(location.region.startLine).toBeGreaterThan(0);
      expect(location.region.startColumn).toBeGreaterThan(0);
    }
    expect(run.originalUriBaseIds['%SRCROOT%'].uri).toMatch(/^file:\/\/.+\/$/);
  });

  it('reports an unparsable file with file:line:col (exit 2 when nothing else is found)', async () => {
    const root = gitRepo({ 'src/broken.ts': BROKEN, 'src/clean.ts': CLEAN });
    const { code, stdout } = await cli(root, 'scan');
    expect(code).toBe(2);
    expect(stdout).toMatch(/^src\/broken\.ts:4:\d+ parse-error /m);
  });

  it('exits 2 with the usage on bad arguments', async () => {
    const { code, stderr } = await cli(tempDir(), 'scan', '--format', 'xml');
    expect(code).toBe(2);
    expect(stderr).toContain('--format must be one of text, json, sarif');
    expect(stderr).toContain('Usage: aws-credentials');
  });
});
