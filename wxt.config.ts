import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';
import { bundleReport } from './scripts/bench/bundle-report';
import { vendorHardening } from './scripts/build/vendor-hardening';

// Firefox temporary add-ons need a stable id; the e2e harness also pins the moz-extension UUID with it.
export const GECKO_ID = 'footnote@footnote-extension.org';

export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  vite: () => ({
    plugins: [
      preact({ prefreshEnabled: false, devToolsEnabled: false }),
      vendorHardening(),
      // `npm run bench` sets this to learn what each dependency adds to the content script.
      ...(process.env.FOOTNOTE_BUNDLE_REPORT ? [bundleReport(process.env.FOOTNOTE_BUNDLE_REPORT)] : []),
    ],
    build: { sourcemap: false },
    // The claim model is a large JSON file: as a JSON.parse of one string it loads several times
    // faster than as the object literal Vite makes by default, in the task that loads highlight-ui.
    json: { stringify: true },
  }),
  manifest: ({ browser }) => ({
    // The strings are in public/_locales/<locale>/messages.json (en_GB is the one the extension is written in).
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'en_GB',
    icons: { 16: 'icons/16.png', 32: 'icons/32.png', 48: 'icons/48.png', 128: 'icons/128.png' },
    action: { default_icon: { 16: 'icons/16.png', 32: 'icons/32.png' } },
    // storage: the per-tab state in storage.session (the service worker forgets its memory). sidePanel: the clips panel.
    // contextMenus: the "Save selection as clip" item on selected text (Firefox also knows it as `menus`).
    permissions: [...(browser === 'firefox' ? ['storage'] : ['storage', 'sidePanel']), 'contextMenus'],
    // Keyboard shortcuts: "Save selection as clip" and moving between the marked claims (readers can
    // change each in the browser's shortcut settings).
    commands: {
      'save-clip': { suggested_key: { default: 'Alt+Shift+S' }, description: '__MSG_commandSaveClip__' },
      'next-claim': { suggested_key: { default: 'Alt+Shift+J' }, description: '__MSG_commandNextClaim__' },
      'previous-claim': { suggested_key: { default: 'Alt+Shift+K' }, description: '__MSG_commandPreviousClaim__' },
    },
    // The card script (entrypoints/card-ui.ts), imported by the content script on the first card a reader opens.
    // Chromium lets a content script import it only when listed; the dynamic URL keeps pages from probing for it.
    // Firefox imports it without an entry, so it lists none. clips-ui.js: anchoring, clip highlights
    // and the editor, imported the same way on pages with clips or when the reader clips. highlight-ui.js: the claim
    // engine, highlighting and the card's controller, imported the same way on pages detection calls articles.
    ...(browser === 'firefox'
      ? {}
      : {
          web_accessible_resources: [
            { resources: ['card-ui.js', 'clips-ui.js', 'highlight-ui.js'], matches: ['http://*/*', 'https://*/*'], use_dynamic_url: true },
          ],
        }),
    content_security_policy: {
      extension_pages: "script-src 'self'; object-src 'self'; base-uri 'none'; form-action 'none'",
    },
    // Chrome flags keys it does not know on chrome://extensions, so Firefox's settings go to Firefox only.
    browser_specific_settings: browser !== 'firefox' ? undefined : {
      gecko: {
        id: GECKO_ID,
        // 140 (ESR) is the first desktop Firefox that reads data_collection_permissions; 142 on Android.
        strict_min_version: '140.0',
        data_collection_permissions: { required: ['none'] },
      },
      gecko_android: { strict_min_version: '142.0' },
    },
  }),
  zip: {
    // scripts/bench/bundle-report.ts stays in: wxt.config.ts imports it, and reviewers build from these sources.
    excludeSources: ['tests/**', '.ci/**', 'scripts/dev/**', 'scripts/icons/**', 'corpus/**', '.output/**', 'node_modules/**'],
  },
});
