// applyFixes, the codemod's one-pass merge of many sites' edits: which sites go in the same pass
// (edits that only touch do not conflict), in source order
// whatever order the sites come in, and a hoisted value already declared in the file is reused.
import { describe, expect, it } from 'vitest';
import { analyzeSource, applyFixes, type FixPlan, type Site } from '../../src/analysis/index.js';
import { fixAll, lines } from './support.js';

const PROVIDERS = "import { fromIni, fromEnv, fromTemporaryCredentials } from '@aws-sdk/credential-providers';";

/** Real sites of a file, in source order (three per-request providers). */
function threeSites(): { text: string; sites: Site[] } {
  const text = lines(PROVIDERS, 'export const handler = async () => [fromIni(), fromTemporaryCredentials({ params: { RoleArn: "a" } }), fromIni({ profile: "p" })];');
  const sites = analyzeSource(text, 'a.mjs').sites;
  expect(sites.map((site) => site.fix.kind)).toEqual(['hoist', 'hoist', 'hoist']);
  return { text, sites };
}

/** The same site with its plan replaced by plain edits (the merge rules do not depend on the plan's origin). */
const withEdits = (site: Site, edits: FixPlan extends infer P ? (P extends { edits: infer E } ? E : never) : never): Site => ({
  ...site,
  fix: { kind: 'hoist', description: 'test', edits },
});

describe('applyFixes', () => {
  it('applies sites in source order whatever order they are given in', () => {
    const { text, sites } = threeSites();
    const inOrder = applyFixes(text, sites);
    const reversed = applyFixes(text, [...sites].reverse());
    expect(reversed.applied).toEqual(inOrder.applied);
    expect(reversed.applied.map((site) => site.node.range[0])).toEqual(sites.map((site) => site.node.range[0]));
    expect(reversed.text).toBe(inOrder.text);
  });

  it('leaves manual sites alone and reports them', () => {
    const { text, sites } = threeSites();
    const manual: Site = { ...sites[1]!, fix: { kind: 'manual', reason: 'test' } };
    const result = applyFixes(text, [sites[0]!, manual, sites[2]!]);
    expect(result.manual).toEqual([manual]);
    expect(result.applied).toEqual([sites[0], sites[2]]);
    expect(result.text).toContain('fromTemporaryCredentials({ params: { RoleArn: "a" } })');
    expect(applyFixes(text, [manual])).toEqual({ text, applied: [], declared: [], manual: [manual] });
  });

  it('edits that only touch do not conflict; overlapping ones wait for the next pass', () => {
    const [a, b] = threeSites().sites;
    const text = '0123456789abcdefghij';
    const after = applyFixes(text, [withEdits(a!, [{ range: [5, 10], text: 'X' }]), withEdits(b!, [{ range: [10, 15], text: 'Y' }])]);
    expect(after.applied).toHaveLength(2);
    expect(after.text).toBe('01234XYfghij');
    const before = applyFixes(text, [withEdits(a!, [{ range: [5, 10], text: 'X' }]), withEdits(b!, [{ range: [0, 5], text: 'Y' }])]);
    expect(before.applied).toHaveLength(2);
    expect(before.text).toBe('YXabcdefghij');
    const overlapping = applyFixes(text, [withEdits(a!, [{ range: [5, 10], text: 'X' }]), withEdits(b!, [{ range: [9, 12], text: 'Y' }])]);
    expect(overlapping.applied).toEqual([overlapping.applied[0]]);
    expect(overlapping.text).toBe('01234Xabcdefghij');
    const containing = applyFixes(text, [withEdits(a!, [{ range: [5, 10], text: 'X' }]), withEdits(b!, [{ range: [2, 12], text: 'Y' }])]);
    expect(containing.applied).toHaveLength(1);
  });

  it('reuses a provider the file already declares at module scope instead of hoisting a second one', () => {
    const code = lines(
      PROVIDERS,
      "import { cacheCredentials } from 'eslint-plugin-aws-credentials/runtime';",
      'const shared = cacheCredentials(fromIni());',
      'export const handler = async () => fromIni();',
    );
    expect(fixAll(code)).toBe(
      lines(
        PROVIDERS,
        "import { cacheCredentials } from 'eslint-plugin-aws-credentials/runtime';",
        'const shared = cacheCredentials(fromIni());',
        'export const handler = async () => shared;',
      ),
    );
  });

  it('compares declared values with whitespace collapsed, string contents kept, a trailing comma dropped', () => {
    const P = "import { fromIni, fromTemporaryCredentials } from '@aws-sdk/credential-providers';";
    const R = "import { cacheCredentials } from 'eslint-plugin-aws-credentials/runtime';";
    const fixed = (existing: string, call: string) => fixAll(lines(P, R, `const shared = ${existing};`, `export const handler = async () => ${call};`));
    expect(fixed("cacheCredentials(fromTemporaryCredentials({\n  params: { RoleArn: 'a' }\n}))", "fromTemporaryCredentials({ params: { RoleArn: 'a' } })")).toContain('export const handler = async () => shared;');
    expect(fixed("cacheCredentials(fromIni({ profile: 'a' },))", "fromIni({ profile: 'a' })")).toContain('export const handler = async () => shared;');
    expect(fixed("cacheCredentials(fromIni({ profile: 'ab' }))", "fromIni({ profile: 'a b' })")).toContain('export const handler = async () => iniCredentials;');
    // Prettier's layout: one property per line, a trailing comma, spaces inside the braces.
    expect(fixed("cacheCredentials(\n  fromTemporaryCredentials({\n    params: { RoleArn: 'a', RoleSessionName: 'b' },\n  }),\n)", "fromTemporaryCredentials({ params: { RoleArn: 'a', RoleSessionName: 'b' } })")).toContain('export const handler = async () => shared;');
    // Whitespace inside a string is part of the value: never the same provider.
    expect(fixed("cacheCredentials(fromIni({ profile: 'a  b' }))", "fromIni({ profile: 'a b' })")).toContain('export const handler = async () => iniCredentials;');
    // An exported declaration in Prettier's layout is the same provider: no second one.
    const exported = fixAll(lines(P, R, "export const shared = cacheCredentials(\n  fromIni({\n    profile: 'a',\n  }),\n);", "export const handler = async () => fromIni({ profile: 'a' });"));
    expect(exported).toContain('export const handler = async () => shared;');
    expect(exported).not.toContain('iniCredentials');
  });

  it('only a module-scope const declarator of a plain name counts as an existing declaration (each of a multi-declarator const too)', () => {
    const P = "import { fromIni } from '@aws-sdk/credential-providers';";
    const R = "import { cacheCredentials } from 'eslint-plugin-aws-credentials/runtime';";
    for (const existing of ['let shared = cacheCredentials(fromIni());', 'const { shared } = cacheCredentials(fromIni());', 'cacheCredentials(fromIni());']) {
      expect(fixAll(lines(P, R, existing, 'export const handler = async () => fromIni();'))).toContain('export const handler = async () => iniCredentials;');
    }
    for (const existing of ['const other = 1, shared = cacheCredentials(fromIni());', 'const shared = cacheCredentials(fromIni()), other = 1;']) {
      expect(fixAll(lines(P, R, existing, 'export const handler = async () => fromIni();'))).toBe(lines(P, R, existing, 'export const handler = async () => shared;'));
    }
  });
});
