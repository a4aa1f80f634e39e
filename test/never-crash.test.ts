// Integration over real code: every rule (the strict config) on thousands of real JS/TS files
// from node_modules must never throw. A file the parser rejects is counted, not a failure; a rule
// exception is. Deterministic: a sorted file list with a fixed cap.
import { relative } from 'node:path';
import { ESLint, type Linter } from 'eslint';
import tsParser from '@typescript-eslint/parser';
import { describe, expect, it } from 'vitest';
import plugin from '../src/index.js';
import { realFiles, ROOT } from '../scripts/corpus/real-files.mjs';

const CAP = 6_000;
const BATCH = 200;
const MAX_BYTES = 1024 * 1024;

/** Where the files come from, in this order, until CAP: code that builds clients and providers first. */
const SOURCES: readonly { dir: string; ext: RegExp }[] = [
  { dir: 'examples', ext: /\.(?:m|c)?js$/ },
  { dir: 'test/corpus/cases', ext: /\.(?:tsx?|m?js)$/ },
  { dir: 'node_modules/@aws-sdk', ext: /\.(?:js|d\.ts)$/ },
  { dir: 'node_modules/aws-sdk/lib', ext: /\.(?:js|d\.ts)$/ },
  { dir: 'node_modules/aws-sdk/clients', ext: /\.(?:js|d\.ts)$/ },
  { dir: 'node_modules/aws-msk-iam-sasl-signer-js/dist', ext: /\.(?:js|d\.ts)$/ },
  { dir: 'node_modules/@smithy', ext: /\.(?:js|d\.ts)$/ },
  { dir: 'node_modules/kafkajs/src', ext: /\.js$/ },
  { dir: 'node_modules/@typescript-eslint', ext: /\.(?:js|d\.ts)$/ },
  { dir: 'node_modules/eslint/lib', ext: /\.js$/ },
];

const config: Linter.Config[] = [
  // node_modules is ignored by default, even with `ignore: false`; this is the documented opt-in.
  { ignores: ['!**/node_modules/'] },
  // Plain JS with ESLint's own parser (espree), TypeScript with typescript-eslint's.
  { files: ['**/*.js', '**/*.mjs'], languageOptions: { sourceType: 'module' } },
  { files: ['**/*.cjs'], languageOptions: { sourceType: 'commonjs' } },
  { files: ['**/*.ts', '**/*.tsx', '**/*.mts', '**/*.cts'], languageOptions: { parser: tsParser as Linter.Parser } },
  ...(plugin.configs.strict as Linter.Config[]),
  { linterOptions: { reportUnusedDisableDirectives: 'off' } },
];

describe('never crash', () => {
  it(`runs every rule over ${CAP} real files without a rule exception`, async () => {
    const files = realFiles({ sources: SOURCES, cap: CAP, maxBytes: MAX_BYTES });
    expect(files.length).toBeGreaterThanOrEqual(5_000);
    const eslint = new ESLint({ cwd: ROOT, overrideConfigFile: true, overrideConfig: config, warnIgnored: false });
    const crashes: string[] = [];
    let parseErrors = 0;
    let findings = 0;
    let linted = 0;
    const record = (results: ESLint.LintResult[]): void => {
      for (const result of results) {
        linted++;
        for (const message of result.messages) {
          if (message.fatal) parseErrors++;
          else if (message.ruleId?.startsWith('aws-credentials/')) findings++;
        }
      }
    };
    const started = performance.now();
    for (let i = 0; i < files.length; i += BATCH) {
      const batch = files.slice(i, i + BATCH);
      try {
        record(await eslint.lintFiles(batch));
      } catch {
        // One file threw: find it (and any other) by linting the batch file by file.
        for (const file of batch) {
          try {
            record(await eslint.lintFiles([file]));
          } catch (error) {
            crashes.push(`${relative(ROOT, file)}: ${(error as Error).message.split('\n').slice(0, 4).join(' | ')}`);
          }
        }
      }
    }
    const seconds = (performance.now() - started) / 1000;
    console.log(
      `never-crash: ${files.length} files, ${linted} linted, ${parseErrors} fatal parse errors, ${findings} findings, ${crashes.length} crashes, ${seconds.toFixed(1)} s`,
    );
    expect(crashes).toEqual([]);
    expect(linted + crashes.length).toBe(files.length);
  }, 1_200_000); // only stops a runaway run: about 70 s of CPU on one core
});
