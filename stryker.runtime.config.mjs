// Mutation testing of the runtime (src/runtime) against its unit tests: `npm run test:mutation`.
// Not part of `npm test`: it runs the suite once per mutant and takes tens of minutes on 2 cores.
// Goal: >= 90% of mutants killed.
/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  testRunner: 'vitest',
  plugins: ['@stryker-mutator/vitest-runner', './scripts/stryker-jsonl-reporter.mjs'],
  // related: false, since the tests import the runtime through its index (Vitest's related-file
  // search finds no test for the mutated module itself).
  vitest: { configFile: 'test/runtime/vitest.mutation.config.ts', related: false },
  mutate: ['src/runtime/**/*.ts', '!src/runtime/index.ts', '!src/runtime/types.ts'],
  // Only the tests that cover a mutant run for it.
  coverageAnalysis: 'perTest',
  // The machine is shared: two test processes at most.
  concurrency: 2,
  // Beyond the measured time: the few real-timer tests (unref, unhandled rejections) need well under 1 s.
  timeoutMS: 5_000,
  // jsonl: each mutant's result as soon as it is known (scripts/mutation-progress.mjs reads it).
  reporters: ['clear-text', 'progress', 'json', 'jsonl'],
  jsonlReporter: { fileName: 'node_modules/.cache/stryker/runtime.jsonl' },
  jsonReporter: { fileName: 'node_modules/.cache/stryker/runtime.json' },
  tempDirName: 'node_modules/.stryker-tmp',
  cleanTempDir: 'always',
  thresholds: { high: 90, low: 80, break: null },
};
