import { defineConfig } from 'vitest/config';
import { reportersFor } from '../setup/reporters.mjs';

/** End-to-end tier: real Chromium with the built extension; one browser at a time on 2 cores. */
export default defineConfig({
  root: new URL('../..', import.meta.url).pathname,
  test: {
    name: 'e2e',
    include: ['tests/e2e/**/*.test.ts'],
    environment: 'node',
    globalSetup: ['tests/e2e/global-setup.ts'],
    fileParallelism: false,
    testTimeout: 60_000,
    // Waiting for the browser is the norm here; tests that promise "within a second" say so.
    expect: { poll: { timeout: 10_000, interval: 100 } },
    hookTimeout: 120_000,
    reporters: reportersFor('e2e'),
  },
});
