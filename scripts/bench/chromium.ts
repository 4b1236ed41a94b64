/**
 * Debian's headless Chromium for the benchmark, launched with the e2e harness's recipe
 * (tests/e2e/chromium-launch.ts) plus the flags a measurement needs. Two kinds: a plain browser with
 * `gc()` exposed for the in-page benchmarks, and one with a copy of the built extension loaded for
 * the measures taken through the real content script.
 */
import { existsSync } from 'node:fs';
import type { BrowserContext, Page } from 'playwright-core';
import { launchChromiumProfile } from '../../tests/e2e/chromium-launch';

export const CHROMIUM = process.env.FOOTNOTE_CHROMIUM ?? '/usr/bin/chromium';

/** Timers and rendering of a page in a background tab are not throttled during a measurement. */
const UNTHROTTLED = ['--disable-background-timer-throttling', '--disable-renderer-backgrounding', '--disable-backgrounding-occluded-windows'];

export interface BenchBrowser {
  context: BrowserContext;
  /** `chrome-extension://ID` when the extension is loaded. */
  extensionBase: string | null;
  page(): Promise<Page>;
  close(): Promise<void>;
}

export function requireChromium(): void {
  if (!existsSync(CHROMIUM)) {
    throw new Error(`Chromium not found at ${CHROMIUM}: install it with \`apt-get install -y --no-install-recommends chromium\` (or point FOOTNOTE_CHROMIUM at a binary).`);
  }
}

export async function launchBenchChromium(options: { extensionDir?: string } = {}): Promise<BenchBrowser> {
  requireChromium();
  const { context, extensionBase, close } = await launchChromiumProfile({
    executablePath: CHROMIUM,
    extensionDir: options.extensionDir,
    profilePrefix: 'footnote-bench-chromium-',
    args: ['--js-flags=--expose-gc', ...UNTHROTTLED],
    workerTimeout: 15_000,
  });
  const initial = context.pages();
  return {
    context,
    extensionBase,
    async page() {
      const blank = initial.shift();
      return blank && !blank.isClosed() ? blank : context.newPage();
    },
    close,
  };
}

/** The browser's version string ("Chromium 156.0.…"). */
export async function chromiumVersion(b: BenchBrowser): Promise<string> {
  const v = b.context.browser()?.version();
  if (v) return v;
  const page = await b.page();
  const ua = await page.evaluate(() => navigator.userAgent);
  return /Chrome\/([\d.]+)/.exec(ua)?.[1] ?? ua;
}
