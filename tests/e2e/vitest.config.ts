import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

/** Real-browser tests: node side drives Chromium and Firefox; see tests/e2e/browsers.ts. */
export default defineConfig({
  resolve: { alias: { '@/': fileURLToPath(new URL('../../', import.meta.url)) } },
  test: {
    root: fileURLToPath(new URL('../../', import.meta.url)),
    environment: 'node',
    include: ['tests/e2e/**/*.e2e.test.ts'],
    // One file at a time: two browsers at once fight over CI's 2 cores and make timings flaky.
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 60_000,
    teardownTimeout: 30_000,
    reporters: ['verbose'],
  },
});
