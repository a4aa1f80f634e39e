// The runtime's unit tests alone, for mutation testing (stryker.runtime.config.mjs): no real-SDK
// suites (they need the fake AWS server and take seconds each), no other part of the package.
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/runtime/**/*.unit.test.ts'],
    // It reads the source files' text, which Stryker has instrumented: it checks shape, not behaviour.
    exclude: ['test/runtime/zero-deps.unit.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    pool: 'forks',
  },
});
