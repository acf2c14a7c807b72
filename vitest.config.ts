import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    globalSetup: ['test/global-setup.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // Each file gets its own database; files run in parallel on separate workers.
    pool: 'forks',
    // One worker per core. Vitest's default leaves one core to its main process, which is
    // idle here while the workers run the app and the embedded database: on a 2-core CI
    // machine that default is a single worker, the other core unused (docs/benchmarks.md).
    maxWorkers: availableParallelism(),
    // A worker runs file after file without loading the app's modules again for each one
    // (about 3 s of CPU a file). Safe because no test changes module state that another
    // reads: each file builds its own app and database, no test mocks modules, stubs
    // globals or sets process.env, and the module-level memos (formats, fonts, password
    // list) hold the same values for every file.
    isolate: false,
  },
});
