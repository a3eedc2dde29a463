import { defineConfig } from 'vitest/config';

/** Real Chromium (Debian `chromium`) against the app on 127.0.0.1; one file at a time on a small machine. */
export default defineConfig({
  test: {
    include: ['test/e2e/**/*.e2e.test.ts'],
    fileParallelism: false,
    testTimeout: 120_000,
    hookTimeout: 120_000,
  },
});
