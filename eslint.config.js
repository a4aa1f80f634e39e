import js from '@eslint/js';
import eslintPlugin from 'eslint-plugin-eslint-plugin';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/**', '.demo/**', 'node_modules/**', '**/__fixtures__/**', 'test/**/fixtures/**', 'coverage/**', '.stryker-tmp/**', 'reports/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { process: 'readonly', console: 'readonly', setTimeout: 'readonly', clearTimeout: 'readonly', setInterval: 'readonly', clearInterval: 'readonly', Buffer: 'readonly', URL: 'readonly', performance: 'readonly', queueMicrotask: 'readonly', structuredClone: 'readonly', globalThis: 'readonly', AbortController: 'readonly', fetch: 'readonly', setImmediate: 'readonly', clearImmediate: 'readonly', URLSearchParams: 'readonly', TextEncoder: 'readonly', TextDecoder: 'readonly' } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
      '@typescript-eslint/no-explicit-any': 'off',
      '@typescript-eslint/no-require-imports': 'off',
    },
  },
  {
    files: ['**/*.cjs'],
    languageOptions: { sourceType: 'commonjs', globals: { __dirname: 'readonly', __filename: 'readonly' } },
  },
  // The rules themselves, by ESLint's own conventions for plugins (ESLint 10: defaults in
  // meta.defaultOptions, none in the schema; meta.languages declared).
  {
    files: ['rules/**/*.ts'],
    ...eslintPlugin.configs['rules-recommended'],
    rules: {
      ...eslintPlugin.configs['rules-recommended'].rules,
      'eslint-plugin/require-meta-default-options': 'error',
      'eslint-plugin/no-meta-schema-default': 'error',
      'eslint-plugin/require-meta-languages': 'error',
      'eslint-plugin/require-meta-docs-url': 'off', // RuleCreator adds the url
      'eslint-plugin/require-meta-docs-description': ['error', { pattern: '^(Enforce|Require|Disallow) ' }],
      // Suggestions are built in src/rules-support/sites.ts, out of this rule's sight.
      'eslint-plugin/require-meta-has-suggestions': 'off',
      'eslint-plugin/require-meta-docs-recommended': 'error',
      'eslint-plugin/require-meta-schema-description': 'error',
    },
  },
);
