// Mutation testing of src/analysis against the analysis and rule tests: `npm run test:mutation`
// (every stryker.*.config.mjs) or `npx stryker run stryker.analysis.config.mjs`. Not part of
// `npm test`: it runs the tests once per mutant, many minutes even scoped to one file
// (`--mutate src/analysis/frequency.ts`).
/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
const config = {
  testRunner: 'vitest',
  plugins: ['@stryker-mutator/vitest-runner', './scripts/stryker-jsonl-reporter.mjs'],
  // related: false, because "related" would pull in every test that imports the analysis (CLI,
  // codemods, end-to-end); the analysis and rule tests are the ones meant to pin its behaviour.
  vitest: { configFile: 'stryker.analysis.vitest.config.ts', related: false },
  mutate: ['src/analysis/**/*.ts'],
  // Stryker's default prepends `// @ts-nocheck` to every test/ file too, which shifts the line
  // numbers of the rule fixtures (test/rules/__fixtures__) that messages quote: only src/ needs it.
  disableTypeChecks: 'src/**/*.ts',
  coverageAnalysis: 'perTest',
  // One test process: the machine is shared, and a second one would only slow both.
  concurrency: 1,
  // Added to each mutant's measured test time: a busy machine must not turn survivors into timeouts.
  timeoutMS: 30_000,
  ignorePatterns: ['dist', '.demo', 'reports', 'coverage'],
  tempDirName: '.stryker-tmp/analysis',
  // jsonl: each mutant's result as soon as it is known (scripts/mutation-progress.mjs reads it).
  reporters: ['clear-text', 'progress', 'html', 'json', 'jsonl'],
  jsonlReporter: { fileName: 'reports/mutation/analysis/mutation.jsonl' },
  htmlReporter: { fileName: 'reports/mutation/analysis/index.html' },
  jsonReporter: { fileName: 'reports/mutation/analysis/mutation.json' },
  thresholds: { high: 80, low: 60, break: null },
};

export default config;
