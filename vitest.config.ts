// One vitest run covers unit, storage, integration and browser tests; benchmarks live in test/bench.
// test/infra is a project of its own so that its globalSetup, which bundles the Lambdas once for every
// infra test file, runs only when infra tests do.
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    pool: 'forks',
    testTimeout: 30_000,
    hookTimeout: 60_000,
    projects: [
      {
        extends: true,
        test: {
          name: 'infra',
          include: ['test/infra/**/*.test.ts'],
          globalSetup: ['test/infra/bundle-once.ts'],
        },
      },
      {
        extends: true,
        test: {
          name: 'app',
          include: ['test/**/*.test.ts', 'test/**/*.test.tsx'],
          exclude: ['test/bench/**', 'test/infra/**', 'node_modules/**'],
        },
      },
    ],
  },
});
