// Which exports can run what a module imports: the importers that take only the others cannot run its sites.
import { describe, expect, it } from 'vitest';
import { parseSource } from '../../src/analysis/parse.js';
import { exportsReachingImports } from '../../src/analysis/frequency/reaching-exports.js';
import { lines } from './support.js';

const reaching = (code: string, file = 'a.ts') => exportsReachingImports(parseSource(code, file).ast);

describe('exportsReachingImports', () => {
  it('calls and constructions of imports reach; reads through an imported enum, types and literals do not', () => {
    const code = lines(
      "import { STSClient } from '@aws-sdk/client-sts';",
      "import { Stage } from './stage';",
      "import { helper } from './helper';",
      'export const ROLE = "cleaner";',
      'export const STAGES = [Stage.PREPARE, Stage.DEPLOY];',
      'export interface Result { id: string }',
      'export enum Kind { A = "a" }',
      'export function isPrepare(stage: Stage) { return STAGES.includes(stage); }',
      'function client() { return new STSClient({}); }',
      'export class Cleaner { run() { return client(); } }',
      'export const tagged = () => helper`x`;',
      'const passes = [helper];',
      'export { passes as handed };',
      'export default function main() { return helper(); }',
    );
    expect([...reaching(code)!].sort()).toEqual(['Cleaner', 'default', 'handed', 'tagged']);
  });

  it('CommonJS exports and re-exports from other modules are unknown', () => {
    expect(reaching(lines("const { S3Client } = require('@aws-sdk/client-s3');", 'module.exports = { make: () => new S3Client({}) };'), 'a.js')).toBeUndefined();
    expect(reaching(lines("export { make } from './make';"))).toBeUndefined();
    expect(reaching(lines("export * from './make';"))).toBeUndefined();
  });
});
