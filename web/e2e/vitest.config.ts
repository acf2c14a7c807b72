import { defineConfig } from 'vitest/config';

/**
 * Browser tests (npm run test:browser; not part of npm test): one app on the embedded
 * database with the demo data and one headless Chromium (Debian's), both started once in
 * global-setup.ts and shared by the journey files, which run one after another.
 */
export default defineConfig({
  test: {
    root: new URL('../..', import.meta.url).pathname,
    include: ['web/e2e/**/*.e2e.ts'],
    globalSetup: ['web/e2e/global-setup.ts'],
    fileParallelism: false,
    // Generous: a journey takes ~20 s alone and over a minute on a machine shared with other work.
    testTimeout: 120_000,
    hookTimeout: 180_000,
  },
});
