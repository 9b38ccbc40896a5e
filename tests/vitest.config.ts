import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';
import preact from '@preact/preset-vite';
import { reportersFor } from './setup/reporters.mjs';

/** Unit and DOM tiers: fast, no browser. WxtVitest maps `wxt/browser` to WXT's fakeBrowser. */
export default defineConfig({
  root: new URL('..', import.meta.url).pathname,
  plugins: [WxtVitest(), preact()],
  test: {
    reporters: reportersFor('unit-dom'),
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['tests/unit/**/*.test.ts'],
          environment: 'happy-dom',
          setupFiles: ['tests/setup/extension.ts'],
        },
      },
      {
        extends: true,
        test: {
          name: 'dom',
          include: ['tests/dom/**/*.test.{ts,tsx}'],
          // Property tests read hundreds of generated pages in happy-dom: on a loaded two-core
          // machine one takes 5-14 s. Speed is the bench's job (a ratio in Chromium); a timeout
          // here only has to catch a scan that never ends.
          testTimeout: 60_000,
          environment: 'happy-dom',
          setupFiles: ['tests/setup/extension.ts'],
        },
      },
    ],
  },
});
