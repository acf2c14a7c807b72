import { defineConfig } from 'vitest/config';

/**
 * Fault tests (npm run test:faults; not part of npm test): the PostgreSQL connection cut
 * under load, the app process killed under load (both on the PostgreSQL server of
 * TEST_DATABASE_URL), PostgreSQL restarted under load (a cluster of the test's own), and
 * the model-based test of credits and money (either engine; npm run test:model). They
 * run one file at a time: each loads the machine on purpose.
 */
export default defineConfig({
  test: {
    root: new URL('../..', import.meta.url).pathname,
    include: ['test/faults/**/*.faults.ts'],
    globalSetup: ['test/global-setup.ts'],
    fileParallelism: false,
    testTimeout: 240_000,
    hookTimeout: 120_000,
    pool: 'forks',
  },
});
