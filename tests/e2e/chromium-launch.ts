/**
 * The recipe for Debian's headless Chromium through playwright-core, optionally with an unpacked
 * extension loaded: the e2e harness (browsers.ts) and the benchmark (scripts/bench/chromium.ts)
 * launch it the same way. See /work/shared/notes/browser-testing.md for why each flag is there.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext } from 'playwright-core';

/** Chromium's own services that would reach the network or pop up on a fresh profile. */
const QUIET_ARGS = [
  '--no-first-run',
  '--no-default-browser-check',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-quic',
  '--password-store=basic',
];
const DISABLED_FEATURES = ['Translate', 'OptimizationHints', 'MediaRouter'];

export interface ChromiumLaunchOptions {
  executablePath: string;
  /** The unpacked extension to load; none gives a plain browser. */
  extensionDir?: string;
  /** Start of the temporary profile directory's name. */
  profilePrefix: string;
  /** More switches, after the recipe's. */
  args?: readonly string[];
  /** More features to turn off, beside the recipe's. */
  disableFeatures?: readonly string[];
  /** How long to wait for the extension's service worker. */
  workerTimeout: number;
}

export interface LaunchedChromium {
  context: BrowserContext;
  /** `chrome-extension://ID` when an extension is loaded (the id depends on the build path). */
  extensionBase: string | null;
  /** Closes the browser and deletes its temporary profile. */
  close(): Promise<void>;
}

export async function launchChromiumProfile(options: ChromiumLaunchOptions): Promise<LaunchedChromium> {
  const ext = options.extensionDir;
  const userDataDir = await mkdtemp(join(tmpdir(), options.profilePrefix));
  let context: BrowserContext;
  try {
    context = await chromium.launchPersistentContext(userDataDir, {
      executablePath: options.executablePath,
      headless: true,
      args: [
        ...(ext ? [`--disable-extensions-except=${ext}`, `--load-extension=${ext}`] : []),
        ...(process.getuid?.() === 0 ? ['--no-sandbox'] : []),
        ...QUIET_ARGS,
        `--disable-features=${[...DISABLED_FEATURES, ...(options.disableFeatures ?? [])].join(',')}`,
        ...(options.args ?? []),
      ],
      // Playwright turns extensions off unless told not to.
      ignoreDefaultArgs: ext ? ['--disable-extensions'] : [],
      viewport: { width: 1280, height: 900 },
    });
  } catch (err) {
    await rm(userDataDir, { recursive: true, force: true });
    throw err;
  }
  const close = async () => {
    await context.close().catch(() => undefined);
    await rm(userDataDir, { recursive: true, force: true });
  };
  let extensionBase: string | null = null;
  if (ext) {
    try {
      const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker', { timeout: options.workerTimeout }));
      extensionBase = `chrome-extension://${new URL(worker.url()).host}`;
    } catch (err) {
      await close();
      throw err;
    }
  }
  return { context, extensionBase, close };
}
