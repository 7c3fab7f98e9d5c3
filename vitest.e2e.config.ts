import { defineConfig } from 'vitest/config';

/** Browser golden paths: the real server in a child process, driven through Debian's chromium. */
export default defineConfig({
  test: {
    include: ['test/e2e/**/*.test.ts'],
    globalSetup: ['test/e2e/harness/global-setup.ts'],
    // Each file starts its own server with a new database and a browser: one at a time on 2 cores.
    fileParallelism: false,
    testTimeout: 120_000,
    hookTimeout: 180_000,
    pool: 'forks',
  },
});
