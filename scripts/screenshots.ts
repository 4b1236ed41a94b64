/**
 * `npm run screenshots`: the README's pictures of a marked article (the demo page,
 * tests/fixtures/demo/: a columnist's claim that surgeries were not reopening) with its card open, taken in
 * Debian's Chromium with the built extension (run `npm run build` first), once with the browser in
 * light mode and once in dark mode. Writes docs/screenshots/card-light.png and card-dark.png.
 *
 * The e2e harness launches its browsers in the system's colour scheme; the dark picture needs the
 * browser told it is in dark mode, so this script launches Chromium itself with the harness's
 * recipe (tests/e2e/browsers.ts) plus `colorScheme`, and serves the pages with the harness's server.
 * The demo article has no dark style of its own; for the dark picture the page gets a plain dark
 * style, as a site with a dark theme would have, so that the marks are seen on a dark page too.
 */
import { existsSync, mkdirSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium } from 'playwright-core';
import { CHROME_BUILD } from '../tests/e2e/browsers';
import { startFixtureServer } from '../tests/e2e/server';

const ROOT = resolve(import.meta.dirname, '..');
const OUT = join(ROOT, 'docs/screenshots');
const CHROMIUM = process.env.FOOTNOTE_CHROMIUM ?? '/usr/bin/chromium';
const DARK_PAGE = 'html { color-scheme: dark; } body { background: #16181b !important; color: #e4e4e4 !important; } .byline { color: #a9a9a9 !important; } .demo-note { background: #22303a !important; } a { color: #8ab4f8; }';

async function shoot(scheme: 'light' | 'dark', url: string): Promise<string> {
  const userDataDir = await mkdtemp(join(tmpdir(), 'footnote-shots-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM,
    headless: true,
    args: [
      `--disable-extensions-except=${CHROME_BUILD}`,
      `--load-extension=${CHROME_BUILD}`,
      ...(process.getuid?.() === 0 ? ['--no-sandbox'] : []),
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--hide-scrollbars',
    ],
    ignoreDefaultArgs: ['--disable-extensions'],
    viewport: { width: 1100, height: 760 },
    deviceScaleFactor: 1,
    colorScheme: scheme,
  });
  try {
    const page = context.pages()[0] ?? (await context.newPage());
    await page.goto(url, { waitUntil: 'load' });
    if (scheme === 'dark') await page.addStyleTag({ content: DARK_PAGE });
    const mark = page.locator('footnote-mark[tabindex]').first();
    await mark.waitFor({ timeout: 15_000 });
    // A claim far down the page is brought a quarter of the way down, so the card has room below it;
    // one near the top (the demo's first paragraph) stays where it is, the page's top in the picture.
    await mark.evaluate((el) => {
      const top = el.getBoundingClientRect().top;
      if (top > innerHeight / 3) window.scrollTo(0, window.scrollY + top - innerHeight / 4);
    });
    await mark.click();
    await page.locator('.fn-card').waitFor({ state: 'visible' });
    // Let the entrance animation finish.
    await page.waitForTimeout(400);
    const file = join(OUT, `card-${scheme}.png`);
    await page.screenshot({ path: file });
    return file;
  } finally {
    await context.close();
    await rm(userDataDir, { recursive: true, force: true });
  }
}

async function main() {
  if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: install it with sudo apt-get install -y chromium`);
  if (!existsSync(join(CHROME_BUILD, 'manifest.json'))) throw new Error(`${CHROME_BUILD} has no build: run npm run build first`);
  mkdirSync(OUT, { recursive: true });
  const server = await startFixtureServer();
  try {
    for (const scheme of ['light', 'dark'] as const) console.log(await shoot(scheme, server.url('/demo/index.html')));
  } finally {
    await server.close();
  }
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exitCode = 1;
});
