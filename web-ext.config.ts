import { defineWebExtConfig } from 'wxt';

/**
 * The browser `npm run dev` / `npm run dev:firefox` open: Debian's Chromium and Firefox ESR, on the
 * demo article that scripts/dev/run.ts serves (content scripts only run on http(s) pages).
 */
const startUrl = process.env.FOOTNOTE_DEV_URL;
const root = process.getuid?.() === 0;
// FOOTNOTE_DEV_HEADLESS=1: start without a display (a smoke check that dev mode launches).
const headless = process.env.FOOTNOTE_DEV_HEADLESS === '1';

export default defineWebExtConfig({
  binaries: {
    chrome: process.env.FOOTNOTE_CHROMIUM ?? '/usr/bin/chromium',
    firefox: process.env.FOOTNOTE_FIREFOX ?? '/usr/bin/firefox-esr',
  },
  startUrls: startUrl ? [startUrl] : [],
  chromiumArgs: [
    // Chromium refuses to start as root with its sandbox on.
    ...(root ? ['--no-sandbox'] : []),
    // Headless smoke checks also open a DevTools port (written to DevToolsActivePort in the profile).
    ...(headless ? ['--headless', '--remote-debugging-port=0'] : []),
    '--no-first-run',
    '--no-default-browser-check',
    '--disable-component-update',
  ],
  firefoxArgs: headless ? ['--headless'] : [],
  firefoxPref: {
    'browser.shell.checkDefaultBrowser': false,
    'app.update.enabled': false,
    'toolkit.telemetry.enabled': false,
    'datareporting.policy.dataSubmissionEnabled': false,
  },
});
