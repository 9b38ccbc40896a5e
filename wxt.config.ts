import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';

/** Build configuration: the manifest is generated from here and the entrypoints folder. */
export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  // Explicit imports everywhere: a reader can follow every name to its file.
  imports: false,
  vite: () => ({ plugins: [preact()] }),
  manifest: {
    name: 'Tend',
    description:
      'Remembers people for you: who they are, what matters to them, and what you promised. Stays on your machine.',
    // Only what is used: storage (settings, per-tab people), the side panel.
    permissions: ['storage', 'sidePanel'],
    // The mail sites Tend reads from install (the same hosts its content scripts match); needed to
    // see a tab's URL when it navigates. Every other site is opt-in (see README, Privacy).
    host_permissions: ['https://mail.google.com/*'],
    action: { default_title: 'Tend' },
    icons: { 16: 'icon/16.png', 32: 'icon/32.png', 48: 'icon/48.png', 128: 'icon/128.png' },
  },
});
