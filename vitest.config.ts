// One vitest run covers unit, storage, integration and browser tests; benchmarks live in test/bench.
// test/infra is a project of its own so that its globalSetup, which bundles the Lambdas once for every
// infra test file, runs only when infra tests do; its files share one import of aws-cdk-lib per worker,
// which is most of their time otherwise.
//
// Most files wait on sockets, timers and child processes as much as on the CPU, so they run two at a
// time, one project after another (projects in one group run at once, and four busy workers on two cores
// time out requests to a local database): the unit files, the infra files, the local-stack files, the
// end-to-end call tests, then the browser tests, one at a time:
// a page's timing under a second busy test is what made them flaky, and they are the tests that most
// resemble a user's machine.
import { defineConfig } from 'vitest/config';

const PARALLEL = 2;
const BROWSER = 'test/e2e/web/**/*.test.ts';
const E2E = 'test/e2e/**/*.test.ts';
const SHARED_IMPORTS = [
  'test/{domain,adapters,app,twin,web,flows,fuzz,support,architecture,workers,handlers,http}/**/*.test.{ts,tsx}',
];
// Files that share a worker's imports: pure code and storage tests, the twin, the HTTP app on its
// harness. Each builds what it tests from scratch, so importing the modules once per worker is safe and
// saves most of their run. The security-header test lost its headers when it shared a worker (not traced
// further), and test/local and test/channels start processes and servers with module-level state: they
// keep a fresh import per file.
const OWN_IMPORTS = ['test/http/security-headers.test.ts'];

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
          maxWorkers: PARALLEL,
          isolate: false,
          sequence: { groupOrder: 1 },
        },
      },
      {
        extends: true,
        test: {
          name: 'app',
          include: ['test/local/**/*.test.ts', 'test/channels/**/*.test.ts', ...OWN_IMPORTS],
          maxWorkers: PARALLEL,
          // These start whole stacks and `npm start` processes: beside the unit files' two workers, a
          // local stack's database timed out under the load.
          sequence: { groupOrder: 2 },
        },
      },
      {
        extends: true,
        test: {
          name: 'unit',
          include: SHARED_IMPORTS,
          exclude: OWN_IMPORTS,
          maxWorkers: PARALLEL,
          isolate: false,
        },
      },
      {
        extends: true,
        test: {
          name: 'e2e',
          include: [E2E],
          exclude: [BROWSER],
          maxWorkers: PARALLEL,
          // Each file starts its own local stack; what they import (the app, the stack, the twin) is the same
          // for all, so each worker imports it once. Nothing in them is kept per module but caches keyed by
          // the stack's own objects, and the counters they install on the SDKs are taken off after each file.
          isolate: false,
          // After the others rather than beside them: projects run at once, and four busy files on two
          // cores time out requests to the local database.
          sequence: { groupOrder: 3 },
        },
      },
      {
        extends: true,
        test: {
          name: 'browser',
          include: [BROWSER],
          maxWorkers: 1,
          // One worker imports the app, the local stack and Playwright once for every browser file: each
          // file starts its own stack and browser, and nothing in them is kept per module but caches keyed
          // by the stack's own objects.
          isolate: false,
          sequence: { groupOrder: 4 },
        },
      },
    ],
  },
});
