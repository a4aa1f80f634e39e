// eslint-doc-generator 3 loads the plugin from package.json: `require('eslint-plugin-aws-credentials')`
// resolves exports["."].require = dist/cjs/src/index.js, so run `npm run build` first
// (`npm run docs` / `npm run docs:check` do). The CJS entry has named `rules` and `configs`.
/** @type {import('eslint-doc-generator').GenerateOptions} */
const config = {
  configEmoji: [
    ['recommended', '✅'],
    ['strict', '🔒'],
  ],
  // `recommended` with typed linting on: the same rules, so no column of its own (README, "Type-aware mode").
  ignoreConfig: ['recommended-type-checked', 'recommendedTypeChecked'],
  ruleDocTitleFormat: 'prefix-name',
  ruleDocSectionInclude: ['Why', 'Examples', 'Suggestions', 'When Not To Use It'],
  ruleListColumns: ['name', 'description', 'configsError', 'hasSuggestions', 'options'],
  urlConfigs: 'https://github.com/eslint-plugin-aws-credentials/eslint-plugin-aws-credentials#eslint-configuration',
};

export default config;
