/**
 * Debian's headless Chromium for the benchmark, through playwright-core as the e2e harness drives
 * it (same flags; see /work/shared/notes/browser-testing.md). Two kinds: a plain browser with
 * `gc()` exposed for the in-page benchmarks, and one with a copy of the built extension loaded for
 * the measures taken through the real content script.
 */
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';

export const CHROMIUM = process.env.FOOTNOTE_CHROMIUM ?? '/usr/bin/chromium';

const QUIET = [
  '--no-first-run',
  '--no-default-browser-check',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-quic',
  '--disable-features=Translate,OptimizationHints,MediaRouter',
  '--password-store=basic',
  // Timers and rendering of a page in a background tab are not throttled during a measurement.
  '--disable-background-timer-throttling',
  '--disable-renderer-backgrounding',
  '--disable-backgrounding-occluded-windows',
];

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
  const userDataDir = await mkdtemp(join(tmpdir(), 'footnote-bench-chromium-'));
  const ext = options.extensionDir;
  let context: BrowserContext;
  try {
    context = await chromium.launchPersistentContext(userDataDir, {
      executablePath: CHROMIUM,
      headless: true,
      args: [
        ...(ext ? [`--disable-extensions-except=${ext}`, `--load-extension=${ext}`] : []),
        ...(process.getuid?.() === 0 ? ['--no-sandbox'] : []),
        '--js-flags=--expose-gc',
        ...QUIET,
      ],
      ignoreDefaultArgs: ext ? ['--disable-extensions'] : [],
      viewport: { width: 1280, height: 900 },
    });
  } catch (err) {
    await rm(userDataDir, { recursive: true, force: true });
    throw err;
  }
  let extensionBase: string | null = null;
  if (ext) {
    const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker', { timeout: 15_000 }));
    extensionBase = `chrome-extension://${new URL(worker.url()).host}`;
  }
  const initial = context.pages();
  return {
    context,
    extensionBase,
    async page() {
      const blank = initial.shift();
      return blank && !blank.isClosed() ? blank : context.newPage();
    },
    async close() {
      await context.close().catch(() => undefined);
      await rm(userDataDir, { recursive: true, force: true });
    },
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
