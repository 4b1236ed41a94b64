/**
 * `npm run screenshots`: the README's pictures and the Chrome Web Store's, taken in Debian's
 * Chromium with the built extension (run `npm run build` first), once with the browser in light
 * mode and once in dark mode:
 * - docs/screenshots/card-chart-{light,dark}.png: a short article of 15 October 2021 with its card
 *   open, led by the series point of its time and the series' chart.
 * - docs/screenshots/card-, popup-, sidepanel-, options-{light,dark}.png: the demo article
 *   (tests/fixtures/demo/: a columnist's claim that surgeries were not reopening) marked with its
 *   card open; the popup, the side panel with a clip saved from the article, the options page.
 * - store/chrome/screenshot-{1..4}.png (1280×800) and store/chrome/tile-440x280.png: the same
 *   pictures set on a plain background with one line saying what each shows.
 *
 * The e2e harness launches its browsers in the system's colour scheme; the dark pictures need the
 * browser told it is in dark mode, so this script launches Chromium itself with the harness's
 * recipe (tests/e2e/browsers.ts) plus `colorScheme`, and serves the pages with the harness's server.
 * The demo article has no dark style of its own; for the dark picture the page gets a plain dark
 * style, as a site with a dark theme would have, so that the marks are seen on a dark page too.
 */
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { CHROME_BUILD } from '../tests/e2e/browsers';
import { startFixtureServer } from '../tests/e2e/server';

const ROOT = resolve(import.meta.dirname, '..');
const DOCS = join(ROOT, 'docs/screenshots');
const STORE = join(ROOT, 'store/chrome');
const CHROMIUM = process.env.FOOTNOTE_CHROMIUM ?? '/usr/bin/chromium';
const DARK_PAGE = 'html { color-scheme: dark; } body { background: #16181b !important; color: #e4e4e4 !important; } .byline { color: #a9a9a9 !important; } .demo-note { background: #22303a !important; } a { color: #8ab4f8; }';
const CLIP_QUOTE = 'General practice is open and has been throughout the pandemic.';
const CLIP_NOTE = 'NHS England’s primary care director, August 2020: worth quoting in our practice newsletter.';

type Scheme = 'light' | 'dark';

async function launch(scheme: Scheme): Promise<{ context: BrowserContext; base: string; close(): Promise<void> }> {
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
    viewport: { width: 1280, height: 800 },
    deviceScaleFactor: 1,
    colorScheme: scheme,
  });
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker', { timeout: 15_000 }));
  const base = `chrome-extension://${new URL(worker.url()).host}`;
  return {
    context,
    base,
    close: async () => {
      await context.close();
      await rm(userDataDir, { recursive: true, force: true });
    },
  };
}

/** Sends a message to the background from an extension page, as Footnote's own pages do. */
async function send(page: Page, type: string, payload: unknown): Promise<unknown> {
  const reply = (await page.evaluate((m) => (globalThis as unknown as { chrome: { runtime: { sendMessage(m: unknown): Promise<unknown> } } }).chrome.runtime.sendMessage(m), { type, payload })) as {
    ok: boolean;
    data?: unknown;
    error?: string;
  };
  if (!reply?.ok) throw new Error(`"${type}" failed: ${reply?.error ?? 'no reply'}`);
  return reply.data;
}

/** The article tab's id, as the background knows it from the content script's hello. */
async function tabOf(ext: Page, url: string): Promise<number> {
  for (let i = 0; i < 100; i++) {
    const ids = (await ext.evaluate(async () => (await (globalThis as unknown as { chrome: { tabs: { query(q: object): Promise<{ id?: number }[]> } } }).chrome.tabs.query({})).map((t) => t.id ?? -1))) as number[];
    for (const tabId of ids) {
      const state = (await send(ext, 'tab/state', { tabId })) as { url: string | null };
      if (state.url === url) return tabId;
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`no tab shows ${url}`);
}

async function shootScheme(scheme: Scheme, demoUrl: string, chartUrl: string): Promise<Record<string, string>> {
  const { context, base, close } = await launch(scheme);
  const out: Record<string, string> = {};
  const shot = async (page: Page, name: string, fullPage = false) => {
    const file = join(DOCS, `${name}-${scheme}.png`);
    await page.screenshot({ path: file, fullPage });
    out[name] = file;
  };
  try {
    // The article, marked, with the card open.
    const article = context.pages()[0] ?? (await context.newPage());
    await article.setViewportSize({ width: 1100, height: 760 });
    await article.goto(demoUrl, { waitUntil: 'load' });
    if (scheme === 'dark') await article.addStyleTag({ content: DARK_PAGE });
    const mark = article.locator('footnote-mark[tabindex]').first();
    await mark.waitFor({ timeout: 15_000 });
    // A claim far down the page is brought a quarter of the way down, so the card has room below it.
    await mark.evaluate((el) => {
      const top = el.getBoundingClientRect().top;
      if (top > innerHeight / 3) window.scrollTo(0, window.scrollY + top - innerHeight / 4);
    });
    await mark.click();
    // The card's content is in a closed shadow root: its host says it is open.
    await article.locator('footnote-card').waitFor({ state: 'attached' });
    await article.waitForTimeout(600);
    await shot(article, 'card');

    // A short article of 15 October 2021: its card leads with the series point of its time and
    // draws the series' chart, the article's month marked.
    const dated = await context.newPage();
    await dated.setViewportSize({ width: 760, height: 1000 });
    await dated.goto(chartUrl, { waitUntil: 'load' });
    if (scheme === 'dark') await dated.addStyleTag({ content: DARK_PAGE });
    const claim = dated.locator('footnote-mark[tabindex]').first();
    await claim.waitFor({ timeout: 15_000 });
    await claim.click();
    await dated.locator('footnote-card').waitFor({ state: 'attached' });
    await dated.waitForTimeout(600);
    await shot(dated, 'card-chart');
    await dated.close();

    // A clip saved from the article, for the side panel.
    const ext = await context.newPage();
    await ext.goto(`${base}/options.html`, { waitUntil: 'load' });
    const tabId = await tabOf(ext, demoUrl);
    const draft = (await send(ext, 'clips/draftStart', { url: demoUrl, title: await article.title(), quote: CLIP_QUOTE, anchor: [{ type: 'TextQuoteSelector', exact: CLIP_QUOTE }] })) as { id: string };
    await send(ext, 'clips/draftSave', { id: draft.id, note: CLIP_NOTE, tags: ['newsletter', 'pandemic'] });

    await ext.setViewportSize({ width: 380, height: 560 });
    await ext.goto(`${base}/popup.html?tab=${tabId}`, { waitUntil: 'load' });
    await ext.locator('[data-testid=page-state]').waitFor();
    await ext.waitForTimeout(300);
    await shot(ext, 'popup');

    await ext.setViewportSize({ width: 400, height: 720 });
    await ext.goto(`${base}/sidepanel.html?tab=${tabId}`, { waitUntil: 'load' });
    await ext.locator('[data-testid=clip]').first().waitFor();
    await ext.waitForTimeout(300);
    await shot(ext, 'sidepanel');

    await ext.setViewportSize({ width: 1100, height: 800 });
    await ext.goto(`${base}/options.html`, { waitUntil: 'load' });
    await ext.locator('main').waitFor();
    await ext.waitForTimeout(800);
    await shot(ext, 'options');
    return out;
  } finally {
    await close();
  }
}

const dataUrl = (file: string) => `data:image/png;base64,${readFileSync(file).toString('base64')}`;

const STORE_PAGE = (body: string, scheme: Scheme) => `<!doctype html><meta charset="utf-8"><style>
  html, body { margin: 0; width: 1280px; height: 800px; overflow: hidden; }
  body { font: 28px/1.3 system-ui, sans-serif; background: ${scheme === 'dark' ? '#111315' : '#f3efe8'}; color: ${scheme === 'dark' ? '#f2f2f4' : '#1d1d1f'};
    display: flex; flex-direction: column; align-items: center; justify-content: center; gap: 24px; }
  h1 { margin: 0; font-size: 34px; font-weight: 650; }
  .row { display: flex; gap: 28px; align-items: flex-start; }
  img { box-shadow: 0 8px 30px rgba(0,0,0,.25); border-radius: 8px; max-height: 660px; }
</style><body>${body}</body>`;

async function storePictures(light: Record<string, string>, dark: Record<string, string>): Promise<string[]> {
  const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: process.getuid?.() === 0 ? ['--no-sandbox'] : [] });
  const files: string[] = [];
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 }, deviceScaleFactor: 1 });
    const pictures: { html: string; scheme: Scheme }[] = [
      { scheme: 'light', html: `<h1>A claim the record contradicts, marked; a click shows the figure and its source</h1><img src="${dataUrl(light.card!)}" style="width:1000px">` },
      { scheme: 'dark', html: `<h1>In the browser’s dark mode too</h1><img src="${dataUrl(dark.card!)}" style="width:1000px">` },
      { scheme: 'light', html: `<h1>The popup lists what is flagged; clips are kept in the side panel</h1><div class="row"><img src="${dataUrl(light.popup!)}"><img src="${dataUrl(light.sidepanel!)}"></div>` },
      { scheme: 'light', html: `<h1>Every figure with its publisher, period and link; add your own</h1><img src="${dataUrl(light.options!)}" style="width:1000px">` },
    ];
    for (const [i, p] of pictures.entries()) {
      await page.setContent(STORE_PAGE(p.html, p.scheme), { waitUntil: 'load' });
      const file = join(STORE, `screenshot-${i + 1}.png`);
      await page.screenshot({ path: file });
      files.push(file);
    }
    const icon = `data:image/png;base64,${readFileSync(join(ROOT, 'public/icons/128.png')).toString('base64')}`;
    await page.setViewportSize({ width: 440, height: 280 });
    await page.setContent(
      `<!doctype html><meta charset="utf-8"><style>html,body{margin:0;width:440px;height:280px;overflow:hidden}
      body{font:17px/1.35 system-ui,sans-serif;background:#f3efe8;color:#1d1d1f;display:flex;align-items:center;gap:22px;padding:0 30px;box-sizing:border-box}
      h1{margin:0 0 8px;font-size:34px}p{margin:0}</style><body><img src="${icon}" width="96" height="96" alt=""><div><h1>Footnote</h1><p>Sourced figures next to claims about GP access in the news.</p></div></body>`,
      { waitUntil: 'load' },
    );
    const tile = join(STORE, 'tile-440x280.png');
    await page.screenshot({ path: tile });
    files.push(tile);
  } finally {
    await browser.close();
  }
  return files;
}

async function main() {
  if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: install it with sudo apt-get install -y chromium`);
  if (!existsSync(join(CHROME_BUILD, 'manifest.json'))) throw new Error(`${CHROME_BUILD} has no build: run npm run build first`);
  mkdirSync(DOCS, { recursive: true });
  mkdirSync(STORE, { recursive: true });
  const server = await startFixtureServer();
  try {
    const demo = server.url('/demo/index.html');
    const chart = server.url('/series-pages/article-2021-10-15.html');
    const light = await shootScheme('light', demo, chart);
    const dark = await shootScheme('dark', demo, chart);
    for (const f of [...Object.values(light), ...Object.values(dark), ...(await storePictures(light, dark))]) console.log(f);
  } finally {
    await server.close();
  }
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exitCode = 1;
});
