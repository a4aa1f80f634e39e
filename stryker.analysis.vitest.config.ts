// The tests Stryker runs against each src/analysis mutant: the analysis and rule tests only.
import { defineConfig } from 'vitest/config';
import base from './vitest.config.js';

export default defineConfig({
  test: { ...base.test, include: ['test/analysis/**/*.test.ts', 'test/rules/**/*.test.ts'] },
});
