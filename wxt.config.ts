import { fileURLToPath } from 'node:url';
import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';
import { DECLARED_SITE_MATCHES, GRANTABLE_SITE_MATCHES } from './utils/sites';

/** Build configuration: the manifest is generated from here and the entrypoints folder. */
export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  // Explicit imports everywhere: a reader can follow every name to its file.
  imports: false,
  // TEND_OUT_DIR: build elsewhere (parallel work, CI copies) without clobbering .output.
  outDir: process.env.TEND_OUT_DIR ?? '.output',
  vite: () => ({ plugins: [preact()] }),
  hooks: {
    // Content scripts use Chrome's own promise-returning `chrome.runtime` (WXT's plain `wxt/browser`):
    // the polyfill is ~2.5 KB gzipped of each, for one sendMessage. The worker and pages keep it.
    // Their context is Tend's slim copy of WXT's (utils/content/script-context.ts: ~0.5 KB less each).
    'vite:build:extendConfig': (entrypoints, config) => {
      const alias = config.resolve?.alias as Record<string, string> | undefined;
      if (!alias || !entrypoints.every((entrypoint) => entrypoint.type === 'content-script')) return;
      delete alias['wxt/browser'];
      alias['wxt/utils/content-script-context'] = fileURLToPath(new URL('utils/content/script-context.ts', import.meta.url));
    },
  },
  manifest: {
    // Strings from public/_locales (English is the default; other languages add a folder).
    default_locale: 'en',
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    // Only what is used: storage (settings, per-tab people), the side panel.
    // activeTab + scripting: read the page the user is on when they ask (popup, menu, command),
    // without a standing permission for every site.
    permissions: ['storage', 'sidePanel', 'activeTab', 'scripting', 'contextMenus', 'notifications', 'alarms'],
    // The mail and profile sites Tend reads from install (utils/sites: the pages its content
    // scripts match); also lets it see those tabs' URLs when they navigate.
    host_permissions: [...DECLARED_SITE_MATCHES],
    // Any other site only when the user grants it ("always read this site", or all sites).
    optional_host_permissions: [...GRANTABLE_SITE_MATCHES],
    action: { default_title: '__MSG_extName__' },
    // Alt+Shift+letter: Gmail's own shortcuts are single keys and Shift or Ctrl chords, never Alt+Shift.
    commands: {
      _execute_action: { suggested_key: { default: 'Alt+Shift+N' }, description: '__MSG_commandQuickNote__' },
      'open-side-panel': { suggested_key: { default: 'Alt+Shift+P' }, description: '__MSG_commandOpenSidePanel__' },
    },
    icons: { 16: 'icon/16.png', 32: 'icon/32.png', 48: 'icon/48.png', 128: 'icon/128.png' },
  },
});
